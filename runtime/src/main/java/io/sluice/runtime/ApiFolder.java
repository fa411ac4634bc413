package io.sluice.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The API definition files of an {@code app_path}: {@code .json}, {@code .yaml} and {@code .yml}, in name order.
 * Tyk writes each OAS API as {@code <id>.json} (its classic form) beside {@code <id>-oas.json} (the OAS
 * document); where both exist only the OAS document is read.
 */
public final class ApiFolder {

    private ApiFolder() {
    }

    public static List<Path> definitionFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("app_path " + folder.toAbsolutePath() + " is not a folder");
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            entries.filter(Files::isRegularFile).filter(ApiFolder::isDefinition).sorted().forEach(files::add);
        }
        files.removeIf(f -> isClassicCompanion(f));
        return files;
    }

    static boolean isDefinition(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    /** {@code <id>.json} when {@code <id>-oas.json} sits beside it. */
    static boolean isClassicCompanion(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".json") || name.endsWith("-oas.json")) {
            return false;
        }
        return Files.exists(file.resolveSibling(name.substring(0, name.length() - ".json".length()) + "-oas.json"));
    }
}
