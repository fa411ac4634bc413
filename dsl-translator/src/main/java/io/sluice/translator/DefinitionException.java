package io.sluice.translator;

import java.util.List;
import java.util.stream.Collectors;

/** An API definition that cannot be served, with every problem found in it (not only the first). */
public class DefinitionException extends RuntimeException {

    private final List<Problem> problems;

    public DefinitionException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public DefinitionException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
