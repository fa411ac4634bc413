package io.sluice.bloblang.parse;

import io.sluice.bloblang.exec.Arithmetic;
import io.sluice.bloblang.exec.Arithmetic.Op;
import io.sluice.bloblang.exec.Assignment;
import io.sluice.bloblang.exec.Executor;
import io.sluice.bloblang.exec.Exprs;
import io.sluice.bloblang.exec.FieldFn;
import io.sluice.bloblang.exec.Fn;
import io.sluice.bloblang.exec.IfStatement;
import io.sluice.bloblang.exec.Literal;
import io.sluice.bloblang.exec.Statement;
import io.sluice.bloblang.lib.Library;
import io.sluice.bloblang.value.EvalError;
import io.sluice.bloblang.value.Values;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recursive-descent parser for Bloblang. It follows the structure of Bento's parser combinators
 * closely enough to fail at the same position with the same message.
 */
public final class Parser {
    private final int[] cs;
    private final int n;
    private final Path baseDir;
    /**
     * How many references that may hand out part of {@code root} (root itself, variables,
     * {@code var()}, {@code apply()}) were parsed; an assignment whose query has any keeps copying.
     */
    private int rootAliasSources;

    /** A parsed value and the position after it. */
    private static final class R<T> {
        final T v;
        final int pos;

        R(T v, int pos) {
            this.v = v;
            this.pos = pos;
        }
    }

    private Parser(String text, Path baseDir) {
        this.cs = text.codePoints().toArray();
        this.n = cs.length;
        this.baseDir = baseDir;
    }

    // ---- entry points --------------------------------------------------------------------------

    /** Parses a whole mapping. */
    public static Executor parseMapping(String text, Path baseDir) {
        Parser p = new Parser(text, baseDir);
        try {
            return p.mapping();
        } catch (PErr e) {
            throw p.toException(e, false);
        }
    }

    /** Parses a single query expression (all input must be consumed). */
    public static Fn parseQuery(String text) {
        Parser p = new Parser(text, null);
        try {
            R<Fn> r = p.query(0, Set.of());
            int end = p.discardWNC(r.pos);
            if (end < p.n) {
                throw PErr.soft(end, "end of input");
            }
            return r.v;
        } catch (PErr e) {
            throw p.toException(e, false);
        }
    }

    /**
     * Parses the query at the start of {@code text} and ignores whatever follows it, as Bento's
     * query parser does when it is used on its own (tests and tools).
     */
    public static Fn parseQueryPrefix(String text) {
        Parser p = new Parser(text, null);
        try {
            return p.query(0, Set.of()).v;
        } catch (PErr e) {
            throw p.toException(e, false);
        }
    }

    /** Parses an interpolated string into static parts ({@link String}) and queries ({@link Fn}). */
    public static List<Object> parseInterpolation(String text) {
        Parser p = new Parser(text, null);
        try {
            return p.interpolation();
        } catch (PErr e) {
            throw p.toException(e, true);
        }
    }

    private ParseError toException(PErr e, boolean charOnly) {
        int line = 1;
        int col = 1;
        int lineStart = 0;
        for (int i = 0; i < e.pos && i < n; i++) {
            if (cs[i] == '\n') {
                line++;
                col = 1;
                lineStart = i + 1;
            } else {
                col++;
            }
        }
        int lineEnd = lineStart;
        while (lineEnd < n && cs[lineEnd] != '\n') {
            lineEnd++;
        }
        String lineText = new String(cs, lineStart, Math.max(0, lineEnd - lineStart));
        int gotEnd = Math.min(n, Math.max(0, e.pos) + 5);
        String got = e.pos < n ? new String(cs, Math.max(0, e.pos), gotEnd - Math.max(0, e.pos)) : "";
        return new ParseError(line, col, e.pos + 1, e.describe(), lineText, charOnly)
                .withInput(got, !e.expected.isEmpty());
    }

    // ---- lexical helpers -----------------------------------------------------------------------

    private int at(int p) {
        return p < n ? cs[p] : -1;
    }

    private boolean term(int p, String t) {
        if (p + t.length() > n) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            if (cs[p + i] != t.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int expectTerm(int p, String t) {
        if (!term(p, t)) {
            throw PErr.soft(p, t);
        }
        return p + t.length();
    }

    private int expectChar(int p, char c) {
        if (at(p) != c) {
            throw PErr.soft(p, String.valueOf(c));
        }
        return p + 1;
    }

    private int skipSpaces(int p) {
        while (p < n && (cs[p] == ' ' || cs[p] == '\t')) {
            p++;
        }
        return p;
    }

    private int requireSpaces(int p) {
        int q = skipSpaces(p);
        if (q == p) {
            throw PErr.soft(p, "whitespace");
        }
        return q;
    }

    /** A line break, optionally preceded by a comment; -1 when absent. */
    private int newline(int p) {
        if (at(p) == '#') {
            int q = p;
            while (q < n && cs[q] != '\n') {
                q++;
            }
            return q < n ? q + 1 : -1;
        }
        if (at(p) == '\r' && at(p + 1) == '\n') {
            return p + 2;
        }
        if (at(p) == '\n') {
            return p + 1;
        }
        return -1;
    }

    private int requireNewline(int p) {
        int q = newline(p);
        if (q < 0) {
            throw PErr.soft(p, "line break");
        }
        return q;
    }

    private int discardWNC(int p) {
        while (true) {
            int q = skipSpaces(p);
            int r = newline(q);
            if (r >= 0) {
                p = r;
            } else {
                return q;
            }
        }
    }

    private static boolean isWordChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static boolean isSnakeChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    }

    private R<String> word(int p, String label) {
        int q = p;
        while (q < n && isWordChar(cs[q])) {
            q++;
        }
        if (q == p) {
            throw PErr.soft(p, label);
        }
        return new R<>(new String(cs, p, q - p), q);
    }

    private R<String> snake(int p, String label) {
        int q = p;
        while (q < n && isSnakeChar(cs[q])) {
            q++;
        }
        if (q == p) {
            throw PErr.soft(p, label);
        }
        return new R<>(new String(cs, p, q - p), q);
    }

    private R<String> quoted(int p) {
        if (at(p) != '"') {
            throw PErr.soft(p, "quoted string");
        }
        boolean escaped = false;
        for (int i = p + 1; i < n; i++) {
            int c = cs[i];
            if (c == '"' && !escaped) {
                String raw = new String(cs, p + 1, i - p - 1);
                try {
                    return new R<>(GoStrings.unquote(raw), i + 1);
                } catch (IllegalArgumentException e) {
                    throw PErr.fatal(p, "failed to unescape quoted string contents: invalid syntax");
                }
            }
            if (c == '\\') {
                escaped = !escaped;
            } else {
                escaped = false;
            }
        }
        throw new PErr(n, "required", List.of("end quote"));
    }

    private R<String> tripleQuoted(int p) {
        if (!term(p, "\"\"\"") || n - p < 6) {
            throw PErr.soft(p, "quoted string");
        }
        for (int i = p + 3; i < n - 2; i++) {
            if (cs[i] == '"' && cs[i + 1] == '"' && cs[i + 2] == '"') {
                return new R<>(new String(cs, p + 3, i - p - 3), i + 3);
            }
        }
        throw new PErr(n, "required", List.of("end triple-quote"));
    }

    private int lineOf(int pos) {
        int line = 1;
        for (int i = 0; i < pos && i < n; i++) {
            if (cs[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Runs alternatives in order; the first success wins, else the furthest soft failure. */
    @SafeVarargs
    private <T> R<T> oneOf(int p, java.util.function.IntFunction<R<T>>... alts) {
        PErr best = null;
        for (java.util.function.IntFunction<R<T>> alt : alts) {
            try {
                return alt.apply(p);
            } catch (PErr e) {
                if (e.isFatal()) {
                    throw e;
                }
                if (best == null || e.pos > best.pos) {
                    best = e;
                } else if (e.pos == best.pos) {
                    best.add(e);
                }
            }
        }
        throw best;
    }

    // ---- mappings ------------------------------------------------------------------------------

    private Executor mapping() {
        // a mapping that is only `from "file"` is that file's mapping
        R<Executor> direct = trySingleRootImport();
        if (direct != null) {
            return direct.v;
        }
        Map<String, Executor> maps = new HashMap<>();
        PErr execErr = null;
        Executor exec = null;
        try {
            exec = executor(0, maps, "mapping");
        } catch (PErr e) {
            if (e.isFatal()) {
                throw e;
            }
            execErr = e;
        }
        if (execErr == null) {
            return exec;
        }
        PErr singleErr;
        try {
            return singleRoot();
        } catch (PErr e) {
            singleErr = e;
        }
        throw singleErr.pos > execErr.pos ? singleErr : execErr;
    }

    private R<Executor> trySingleRootImport() {
        int p = discardWNC(0);
        if (!term(p, "from")) {
            return null;
        }
        int q = skipSpaces(p + 4);
        if (q == p + 4 || at(q) != '"') {
            return null;
        }
        R<String> path;
        try {
            path = quoted(q);
        } catch (PErr e) {
            return null;
        }
        int end = discardWNC(path.pos);
        String content = readImport(path.v, 0);
        Executor e = parseImported(path.v, content, 0);
        if (end < n) {
            throw PErr.fatal(0, "unexpected content after single root import: " + new String(cs, end, n - end));
        }
        return new R<>(e, n);
    }

    private String readImport(String path, int pos) {
        Path file = baseDir == null ? Path.of(path) : baseDir.resolve(path);
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw PErr.fatal(pos, "failed to read import: open " + path + ": no such file or directory");
        } catch (IOException e) {
            throw PErr.fatal(pos, "failed to read import: " + e.getMessage());
        }
    }

    private Executor parseImported(String path, String content, int pos) {
        Path file = baseDir == null ? Path.of(path) : baseDir.resolve(path);
        Parser sub = new Parser(content, file.toAbsolutePath().getParent());
        try {
            return sub.executor(0, new HashMap<>(), "mapping");
        } catch (PErr e) {
            ParseError pe = sub.toException(e, false);
            throw PErr.fatal(pos, "failed to parse import '" + path + "': " + pe.positional());
        }
    }

    private Executor executor(int start, Map<String, Executor> maps, String name) {
        List<Statement> stmts = new ArrayList<>();
        int p = discardWNC(start);
        R<Statement> r = statement(p, true, maps);
        if (r.v != null) {
            stmts.add(r.v);
        }
        p = r.pos;
        while (true) {
            p = skipSpaces(p);
            if (p >= n) {
                break;
            }
            p = requireNewline(p);
            p = discardWNC(p);
            if (p >= n) {
                break;
            }
            r = statement(p, true, maps);
            if (r.v != null) {
                stmts.add(r.v);
            }
            p = r.pos;
        }
        return new Executor(name, stmts, maps);
    }

    private Executor singleRoot() {
        int p = discardWNC(0);
        R<Fn> q = query(p, Set.of());
        int rest = discardWNC(q.pos);
        if (rest < n) {
            int s = discardWNC(0);
            String text = new String(cs, s, q.pos - s);
            int[] tcp = text.codePoints().toArray();
            String shown = tcp.length > 12 ? new String(tcp, 0, 12) + "..." : text;
            throw PErr.soft(rest, "the mapping to end here as the beginning is shorthand for `root = " + shown
                    + "`, but this shorthand form cannot be followed with more assignments");
        }
        List<Statement> stmts = List.of(new Assignment(1, Assignment.Kind.ROOT, List.of(), null, q.v)
                .mayAliasRoot(rootAliasSources > 0));
        return new Executor("mapping", stmts, new HashMap<>());
    }

    /** One statement; {@code maps} is null inside blocks where import and map are not allowed. */
    private R<Statement> statement(int p, boolean metaAllowed, Map<String, Executor> maps) {
        List<java.util.function.IntFunction<R<Statement>>> alts = new ArrayList<>();
        if (maps != null) {
            alts.add(q -> importStatement(q, maps));
            alts.add(q -> mapStatement(q, maps));
        }
        alts.add(this::letStatement);
        alts.add(q -> metaStatement(q, metaAllowed));
        alts.add(this::plainAssignment);
        alts.add(q -> rootIf(q));
        @SuppressWarnings("unchecked")
        java.util.function.IntFunction<R<Statement>>[] arr = alts.toArray(new java.util.function.IntFunction[0]);
        return oneOf(p, arr);
    }

    private R<Statement> importStatement(int p, Map<String, Executor> maps) {
        int q = expectTerm(p, "import");
        q = requireSpaces(q);
        R<String> path;
        try {
            path = quoted(q);
        } catch (PErr e) {
            throw e.expect("filepath").required();
        }
        String content = readImport(path.v, p);
        Executor imported = parseImported(path.v, content, p);
        if (imported.maps().isEmpty()) {
            throw PErr.fatal(p, "no maps to import from '" + path.v + "'");
        }
        List<String> collisions = new ArrayList<>();
        for (Map.Entry<String, Executor> e : imported.maps().entrySet()) {
            if (maps.containsKey(e.getKey())) {
                collisions.add(e.getKey());
            } else {
                maps.put(e.getKey(), e.getValue());
            }
        }
        if (!collisions.isEmpty()) {
            throw PErr.fatal(p, "map name collisions from import '" + path.v + "': " + collisions);
        }
        return new R<>(null, path.pos);
    }

    private R<Statement> mapStatement(int p, Map<String, Executor> maps) {
        int q = expectTerm(p, "map");
        q = requireSpaces(q);
        R<String> name;
        try {
            name = oneOf(q, this::quoted, x -> word(x, "map name"));
        } catch (PErr e) {
            throw e.expect("map name").required();
        }
        q = requireSpaces(name.pos);
        R<List<Statement>> block = block(q, false, null);
        if (maps.containsKey(name.v)) {
            throw PErr.fatal(p, "map name collision: " + name.v);
        }
        maps.put(name.v, new Executor("map " + name.v, block.v, maps));
        return new R<>(null, block.pos);
    }

    /** {@code { statement (newline statement)* }}. */
    private R<List<Statement>> block(int p, boolean metaAllowed, Map<String, Executor> maps) {
        int q = expectChar(p, '{');
        q = discardWNC(q);
        List<Statement> stmts = new ArrayList<>();
        R<Statement> r;
        try {
            r = statement(q, metaAllowed, maps);
        } catch (PErr e) {
            int end = discardWNC(q);
            if (at(end) == '}') {
                return new R<>(stmts, end + 1);
            }
            throw e;
        }
        stmts.add(r.v);
        q = r.pos;
        while (true) {
            int d = skipSpaces(q);
            int nl = newline(d);
            if (nl < 0) {
                int end = discardWNC(d);
                if (at(end) == '}') {
                    return new R<>(stmts, end + 1);
                }
                PErr e = PErr.soft(d, "line break");
                e.add(PErr.soft(end, "}"));
                throw e;
            }
            q = discardWNC(nl);
            try {
                r = statement(q, metaAllowed, maps);
            } catch (PErr e) {
                if (at(q) == '}') {
                    return new R<>(stmts, q + 1);
                }
                throw e;
            }
            stmts.add(r.v);
            q = r.pos;
        }
    }

    private R<String> nameOrQuoted(int p, String label) {
        try {
            return oneOf(p, this::quoted, x -> word(x, label));
        } catch (PErr e) {
            throw e.expect(label);
        }
    }

    private R<Statement> letStatement(int p) {
        int q;
        try {
            q = expectTerm(p, "let");
        } catch (PErr e) {
            throw e.expect("assignment");
        }
        q = requireSpaces(q);
        R<String> name;
        try {
            name = nameOrQuoted(q, "variable name");
        } catch (PErr e) {
            throw e.required();
        }
        q = requireSpaces(name.pos);
        q = expectChar(q, '=');
        q = requireSpaces(q);
        R<Fn> v = query(q, Set.of());
        return new R<>(new Assignment(lineOf(p), Assignment.Kind.VAR, null, name.v, v.v), v.pos);
    }

    private R<Statement> metaStatement(int p, boolean allowed) {
        int q;
        try {
            q = expectTerm(p, "meta");
        } catch (PErr e) {
            throw e.expect("assignment");
        }
        q = requireSpaces(q);
        String key = null;
        try {
            R<String> k = oneOf(q, this::quoted, x -> word(x, "name"));
            key = k.v;
            q = k.pos;
        } catch (PErr e) {
            if (e.isFatal()) {
                throw e;
            }
        }
        q = skipSpaces(q);
        q = expectChar(q, '=');
        q = requireSpaces(q);
        R<Fn> v = query(q, Set.of());
        if (!allowed) {
            throw PErr.fatal(p, "setting meta fields is not allowed within this block");
        }
        return new R<>(new Assignment(lineOf(p), Assignment.Kind.META, null, key, v.v), v.pos);
    }

    private R<Statement> plainAssignment(int p) {
        R<String> first;
        try {
            first = word(p, "assignment");
        } catch (PErr e) {
            throw e.expect("assignment");
        }
        List<String> path = new ArrayList<>();
        path.add(first.v);
        int q = first.pos;
        if (at(q) == '.') {
            q++;
            while (true) {
                R<String> seg;
                try {
                    seg = oneOf(q, this::quoted, x -> word(x, "target path"));
                } catch (PErr e) {
                    throw e.expect("target path");
                }
                path.add(seg.v);
                q = seg.pos;
                if (at(q) != '.') {
                    break;
                }
                q++;
            }
        }
        q = requireSpaces(q);
        q = expectChar(q, '=');
        q = requireSpaces(q);
        int aliasSourcesBefore = rootAliasSources;
        R<Fn> v = query(q, Set.of());
        if (path.get(0).equals("root")) {
            path.remove(0);
        }
        return new R<>(new Assignment(lineOf(p), Assignment.Kind.ROOT, path, null, v.v)
                .mayAliasRoot(rootAliasSources != aliasSourcesBefore), v.pos);
    }

    private R<Statement> rootIf(int p) {
        int q;
        try {
            q = expectTerm(p, "if");
        } catch (PErr e) {
            throw e.expect("assignment");
        }
        q = requireSpaces(q);
        List<Fn> conds = new ArrayList<>();
        List<List<Statement>> blocks = new ArrayList<>();
        R<Fn> c = requiredQuery(q, Set.of());
        q = discardWNC(c.pos);
        R<List<Statement>> b = block(q, true, null);
        conds.add(c.v);
        blocks.add(b.v);
        q = b.pos;
        while (true) {
            int r = discardWNC(q);
            if (term(r, "else if")) {
                int s = requireSpacesOr(r + 7);
                if (s < 0) {
                    break;
                }
                c = requiredQuery(s, Set.of());
                s = discardWNC(c.pos);
                b = block(s, true, null);
                conds.add(c.v);
                blocks.add(b.v);
                q = b.pos;
                continue;
            }
            if (term(r, "else")) {
                int s = discardWNC(r + 4);
                b = block(s, true, null);
                conds.add(null);
                blocks.add(b.v);
                q = b.pos;
            }
            break;
        }
        return new R<>(new IfStatement(lineOf(p), conds, blocks), q);
    }

    private int requireSpacesOr(int p) {
        int q = skipSpaces(p);
        return q == p ? -1 : q;
    }

    // ---- queries -------------------------------------------------------------------------------

    private R<Fn> requiredQuery(int p, Set<String> named) {
        try {
            return query(p, named);
        } catch (PErr e) {
            throw e.required();
        }
    }

    private R<Fn> query(int p, Set<String> named) {
        p = skipSpaces(p);
        List<Fn> fns = new ArrayList<>();
        List<Op> ops = new ArrayList<>();
        R<Fn> first = arithmeticOperand(p, named);
        fns.add(first.v);
        int pos = first.pos;
        int start = p;
        while (true) {
            int q = skipSpaces(pos);
            R<Op> op = operator(q);
            if (op == null) {
                break;
            }
            q = discardWNC(op.pos);
            R<Fn> next = arithmeticOperand(q, named);
            ops.add(op.v);
            fns.add(next.v);
            pos = next.pos;
        }
        try {
            return new R<>(Arithmetic.build(fns, ops), pos);
        } catch (EvalError e) {
            throw PErr.fatal(start, e.getMessage());
        }
    }

    private R<Fn> arithmeticOperand(int p, Set<String> named) {
        boolean negate = false;
        if (at(p) == '-') {
            negate = true;
            p = discardWNC(p + 1);
        }
        R<Fn> r = withTails(p, named);
        if (negate) {
            return new R<>(Arithmetic.negate(r.v), r.pos);
        }
        return r;
    }

    private R<Op> operator(int p) {
        int c = at(p);
        int c2 = at(p + 1);
        switch (c) {
            case '+':
                return new R<>(Op.ADD, p + 1);
            case '-':
                return new R<>(Op.SUB, p + 1);
            case '/':
                return new R<>(Op.DIV, p + 1);
            case '*':
                return new R<>(Op.MUL, p + 1);
            case '%':
                return new R<>(Op.MOD, p + 1);
            case '&':
                return c2 == '&' ? new R<>(Op.AND, p + 2) : null;
            case '|':
                return c2 == '|' ? new R<>(Op.OR, p + 2) : new R<>(Op.PIPE, p + 1);
            case '=':
                return c2 == '=' ? new R<>(Op.EQ, p + 2) : null;
            case '!':
                return c2 == '=' ? new R<>(Op.NEQ, p + 2) : null;
            case '>':
                return c2 == '=' ? new R<>(Op.GTE, p + 2) : new R<>(Op.GT, p + 1);
            case '<':
                return c2 == '=' ? new R<>(Op.LTE, p + 2) : new R<>(Op.LT, p + 1);
            default:
                return null;
        }
    }

    private R<Fn> withTails(int p, Set<String> named) {
        boolean not = false;
        if (at(p) == '!') {
            not = true;
            p = skipSpaces(p + 1);
        }
        R<Fn> r;
        try {
            r = oneOf(p,
                    q -> matchExpression(q, named),
                    q -> ifExpression(q, named),
                    q -> lambda(q, named),
                    q -> brackets(q, named),
                    q -> literal(q, named),
                    q -> function(q, named),
                    this::metadataReference,
                    this::variableReference,
                    q -> fieldRoot(q, named));
        } catch (PErr e) {
            throw e.expect("query");
        }
        Fn fn = r.v;
        int pos = r.pos;
        while (true) {
            if (at(pos) == '[') {
                try {
                    R<Fn> b = bracketTail(fn, pos, named);
                    fn = b.v;
                    pos = b.pos;
                    continue;
                } catch (PErr e) {
                    // not a bracket tail; Bento ignores the failure here
                }
            }
            if (at(pos) != '.') {
                break;
            }
            int q = discardWNC(pos + 1);
            R<Fn> t;
            try {
                Fn target = fn;
                t = oneOf(q,
                        x -> mapTail(target, x, named),
                        x -> methodTail(target, x, named),
                        x -> fieldTail(target, x));
            } catch (PErr e) {
                throw e.required();
            }
            fn = t.v;
            pos = t.pos;
        }
        if (not) {
            fn = Arithmetic.not(fn);
        }
        return new R<>(fn, pos);
    }

    private R<Fn> bracketTail(Fn target, int p, Set<String> named) {
        int q = discardWNC(p + 1);
        return oneOf(q, x -> sliceTail(target, x, named), x -> indexTail(target, x, named));
    }

    private R<Fn> indexTail(Fn target, int p, Set<String> named) {
        R<Fn> idx = query(p, named);
        int q = discardWNC(idx.pos);
        if (at(q) == ':') {
            throw PErr.soft(p, "slice syntax should use parseSliceExpression");
        }
        if (at(q) != ']') {
            throw PErr.soft(q, "closing bracket");
        }
        return new R<>(Exprs.index(target, idx.v), q + 1);
    }

    private R<Fn> sliceTail(Fn target, int p, Set<String> named) {
        Fn start = null;
        int q = p;
        if (at(q) != ':') {
            R<Fn> s = query(q, named);
            start = s.v;
            q = discardWNC(s.pos);
            if (at(q) != ':') {
                throw PErr.soft(q, ":");
            }
        }
        q = discardWNC(q + 1);
        Fn end = null;
        if (at(q) != ':' && at(q) != ']') {
            R<Fn> e = query(q, named);
            end = e.v;
            q = discardWNC(e.pos);
        }
        Fn step = null;
        if (at(q) == ':') {
            q = discardWNC(q + 1);
            if (at(q) != ']') {
                R<Fn> s = query(q, named);
                step = s.v;
                q = discardWNC(s.pos);
            }
        }
        if (at(q) != ']') {
            throw PErr.soft(q, "closing bracket");
        }
        return new R<>(Exprs.slice(target, start, end, step), q + 1);
    }

    private R<Fn> mapTail(Fn target, int p, Set<String> named) {
        int q;
        try {
            q = expectChar(p, '(');
        } catch (PErr e) {
            throw e.expect("method");
        }
        q = discardWNC(q);
        R<Fn> body = query(q, named);
        q = discardWNC(body.pos);
        q = expectChar(q, ')');
        return new R<>(Exprs.mapExpression(target, body.v), q);
    }

    private R<Fn> methodTail(Fn target, int p, Set<String> named) {
        R<String> name = snake(p, "method");
        R<List<Object>> args = functionArgs(name.pos, named);
        try {
            if (name.v.equals("apply")) {
                rootAliasSources++;
            }
            return new R<>(Library.newMethod(name.v, target, positional(args.v), namedArgs(args.v)), args.pos);
        } catch (EvalError e) {
            throw PErr.fatal(args.pos, e.getMessage());
        }
    }

    private R<Fn> fieldTail(Fn target, int p) {
        R<String> seg;
        try {
            seg = oneOf(p, x -> word(x, "field path"), this::quoted);
        } catch (PErr e) {
            throw e.expect("field path");
        }
        return new R<>(Exprs.getPath(target, List.of(seg.v)), seg.pos);
    }

    /** A named argument. */
    private static final class NamedArg {
        final String name;
        final Fn value;

        NamedArg(String name, Fn value) {
            this.name = name;
            this.value = value;
        }
    }

    private static List<Fn> positional(List<Object> args) {
        List<Fn> out = new ArrayList<>();
        for (Object a : args) {
            if (a instanceof Fn) {
                out.add((Fn) a);
            }
        }
        return out;
    }

    private static Map<String, Fn> namedArgs(List<Object> args) {
        Map<String, Fn> out = new LinkedHashMap<>();
        for (Object a : args) {
            if (a instanceof NamedArg) {
                NamedArg na = (NamedArg) a;
                if (out.containsKey(na.name)) {
                    throw new EvalError("duplicate named arg: " + na.name);
                }
                out.put(na.name, na.value);
            }
        }
        return out;
    }

    private R<List<Object>> functionArgs(int p, Set<String> named) {
        int q;
        try {
            q = expectChar(p, '(');
        } catch (PErr e) {
            throw e.expect("function arguments");
        }
        q = discardWNC(q);
        List<Object> args = new ArrayList<>();
        R<Object> a;
        try {
            a = functionArg(q, named);
        } catch (PErr e) {
            int end = discardWNC(q);
            if (at(end) == ')') {
                return new R<>(args, end + 1);
            }
            throw e;
        }
        args.add(a.v);
        q = a.pos;
        while (true) {
            int d = skipSpaces(q);
            if (at(d) != ',') {
                int end = discardWNC(d);
                if (at(end) == ')') {
                    return new R<>(args, end + 1);
                }
                PErr e = new PErr(d, "required", List.of("comma"));
                e.add(PErr.soft(end, "closing bracket"));
                throw e;
            }
            q = discardWNC(d + 1);
            try {
                a = functionArg(q, named);
            } catch (PErr e) {
                if (at(q) == ')') {
                    return new R<>(args, q + 1);
                }
                throw e;
            }
            args.add(a.v);
            q = a.pos;
        }
    }

    private R<Object> functionArg(int p, Set<String> named) {
        try {
            return oneOf(p, x -> namedArg(x, named), x -> {
                R<Fn> r = query(x, named);
                return new R<>(r.v, r.pos);
            });
        } catch (PErr e) {
            throw e.expect("function argument").required();
        }
    }

    private R<Object> namedArg(int p, Set<String> named) {
        R<String> name = snake(p, "snake-case");
        int q = expectChar(name.pos, ':');
        q = skipSpaces(q);
        R<Fn> v;
        try {
            v = query(q, named);
        } catch (PErr e) {
            throw e.expect("argument value").required();
        }
        return new R<>(new NamedArg(name.v, v.v), v.pos);
    }

    private R<Fn> function(int p, Set<String> named) {
        R<String> name;
        try {
            name = snake(p, "function");
        } catch (PErr e) {
            throw e.expect("function");
        }
        R<List<Object>> args = functionArgs(name.pos, named);
        try {
            if (name.v.equals("var")) {
                rootAliasSources++;
            }
            return new R<>(Library.newFunction(name.v, positional(args.v), namedArgs(args.v)), args.pos);
        } catch (EvalError e) {
            throw PErr.fatal(args.pos, e.getMessage());
        }
    }

    private R<Fn> metadataReference(int p) {
        if (at(p) != '@') {
            throw PErr.soft(p, "metadata path");
        }
        int q = p + 1;
        if (q < n && isWordChar(cs[q])) {
            R<String> w = word(q, "metadata path");
            return new R<>(Exprs.metadataRef(w.v), w.pos);
        }
        if (at(q) == '"') {
            R<String> s = quoted(q);
            return new R<>(Exprs.metadataRef(s.v), s.pos);
        }
        return new R<>(Exprs.metadataRef(""), q);
    }

    private R<Fn> variableReference(int p) {
        if (at(p) != '$') {
            throw PErr.soft(p, "variable path");
        }
        R<String> w;
        try {
            w = word(p + 1, "variable path");
        } catch (PErr e) {
            throw PErr.soft(p + 1, "variable path");
        }
        rootAliasSources++;
        return new R<>(Exprs.variable(w.v), w.pos);
    }

    private R<Fn> fieldRoot(int p, Set<String> named) {
        R<String> w = word(p, "field path");
        Fn fn;
        switch (w.v) {
            case "this":
                fn = new FieldFn(FieldFn.Origin.THIS, null, List.of());
                break;
            case "root":
                rootAliasSources++;
                fn = new FieldFn(FieldFn.Origin.ROOT, null, List.of());
                break;
            default:
                if (named.contains(w.v)) {
                    fn = new FieldFn(FieldFn.Origin.NAMED, w.v, List.of());
                } else {
                    fn = new FieldFn(FieldFn.Origin.THIS, null, Paths2.split(w.v));
                }
        }
        return new R<>(fn, w.pos);
    }

    private R<Fn> brackets(int p, Set<String> named) {
        int q;
        try {
            q = expectChar(p, '(');
        } catch (PErr e) {
            throw e.expect("function");
        }
        q = discardWNC(q);
        R<Fn> inner = query(q, named);
        q = discardWNC(inner.pos);
        if (at(q) != ')') {
            throw new PErr(q, "required", List.of("closing bracket"));
        }
        return new R<>(inner.v, q + 1);
    }

    private R<Fn> lambda(int p, Set<String> named) {
        int q;
        R<String> name;
        try {
            name = word(p, "context name");
            q = requireSpaces(name.pos);
            q = expectTerm(q, "->");
            q = requireSpaces(q);
        } catch (PErr e) {
            throw e.expect("function");
        }
        Set<String> inner = named;
        if (!name.v.equals("_")) {
            if (named.contains(name.v)) {
                throw PErr.fatal(p, "context label `" + name.v + "` would shadow a parent context");
            }
            if (name.v.equals("root") || name.v.equals("this")) {
                throw PErr.fatal(p, "context label `" + name.v + "` is not allowed");
            }
            inner = new HashSet<>(named);
            inner.add(name.v);
        }
        R<Fn> body = requiredQuery(q, inner);
        if (body.v instanceof Exprs.NamedContext) {
            throw PErr.fatal(p, "it would be in poor taste to capture the same context under both '" + name.v
                    + "' and '" + ((Exprs.NamedContext) body.v).name() + "'");
        }
        return new R<>(Exprs.namedContext(name.v, body.v), body.pos);
    }

    private R<Fn> ifExpression(int p, Set<String> named) {
        int q = expectTerm(p, "if");
        q = requireSpaces(q);
        List<Fn> conds = new ArrayList<>();
        List<Fn> branches = new ArrayList<>();
        R<Fn> c = requiredQuery(q, named);
        q = discardWNC(c.pos);
        R<Fn> b = braced(q, named);
        conds.add(c.v);
        branches.add(b.v);
        q = b.pos;
        Fn elseFn = null;
        while (true) {
            int r = discardWNC(q);
            if (term(r, "else if")) {
                int s = requireSpacesOr(r + 7);
                if (s < 0) {
                    break;
                }
                c = requiredQuery(s, named);
                s = discardWNC(c.pos);
                b = braced(s, named);
                conds.add(c.v);
                branches.add(b.v);
                q = b.pos;
                continue;
            }
            if (term(r, "else")) {
                int s = discardWNC(r + 4);
                b = braced(s, named);
                elseFn = b.v;
                q = b.pos;
            }
            break;
        }
        return new R<>(Exprs.ifExpression(conds, branches, elseFn), q);
    }

    private R<Fn> braced(int p, Set<String> named) {
        if (at(p) != '{') {
            throw new PErr(p, "required", List.of("{"));
        }
        int q = discardWNC(p + 1);
        R<Fn> v = requiredQuery(q, named);
        q = discardWNC(v.pos);
        if (at(q) != '}') {
            throw new PErr(q, "required", List.of("}"));
        }
        return new R<>(v.v, q + 1);
    }

    private R<Fn> matchExpression(int p, Set<String> named) {
        int q = expectTerm(p, "match");
        q = requireSpaces(q);
        Fn context = null;
        try {
            R<Fn> c = query(q, named);
            context = c.v;
            q = c.pos;
        } catch (PErr e) {
            if (e.isFatal()) {
                throw e;
            }
        }
        q = discardWNC(q);
        if (at(q) != '{') {
            throw new PErr(q, "required", List.of("{"));
        }
        q = discardWNC(q + 1);
        List<Fn> cases = new ArrayList<>();
        List<Fn> results = new ArrayList<>();
        boolean first = true;
        while (true) {
            if (!first || true) {
                int end = discardWNC(q);
                if (at(end) == '}' && (cases.isEmpty() || first)) {
                    if (cases.isEmpty()) {
                        q = end + 1;
                        break;
                    }
                }
            }
            R<Fn[]> mc;
            try {
                mc = matchCase(q, named);
            } catch (PErr e) {
                int end = discardWNC(q);
                if (at(end) == '}') {
                    q = end + 1;
                    break;
                }
                throw e.required();
            }
            first = false;
            cases.add(mc.v[0]);
            results.add(mc.v[1]);
            q = mc.pos;
            int d = skipSpaces(q);
            int next;
            if (at(d) == ',') {
                next = d + 1;
            } else {
                next = newline(d);
            }
            if (next < 0) {
                int end = discardWNC(d);
                if (at(end) == '}') {
                    q = end + 1;
                    break;
                }
                PErr e = new PErr(d, "required", List.of(",", "line break"));
                throw e;
            }
            q = discardWNC(next);
        }
        return new R<>(Exprs.match(context, cases, results), q);
    }

    private R<Fn[]> matchCase(int p, Set<String> named) {
        R<Fn> caseFn = oneOf(p, x -> {
            if (at(x) != '_') {
                throw PErr.soft(x, "match case");
            }
            int y = skipSpaces(x + 1);
            y = expectTerm(y, "=>");
            return new R<>((Fn) new Literal(true), y);
        }, x -> {
            R<Fn> c;
            try {
                c = query(x, named);
            } catch (PErr e) {
                throw e.expect("match case");
            }
            int y = skipSpaces(c.pos);
            y = expectTerm(y, "=>");
            Fn f = c.v;
            if (f.isLiteral()) {
                f = Exprs.literalCase(((Literal) f).value());
            }
            return new R<>(f, y);
        });
        int q = skipSpaces(caseFn.pos);
        R<Fn> result = query(q, named);
        return new R<>(new Fn[] {caseFn.v, result.v}, result.pos);
    }

    private R<Fn> literal(int p, Set<String> named) {
        return oneOf(p,
                this::booleanLiteral,
                this::numberLiteral,
                x -> {
                    R<String> s = tripleQuoted(x);
                    return new R<>((Fn) new Literal(s.v), s.pos);
                },
                x -> {
                    R<String> s = quoted(x);
                    return new R<>((Fn) new Literal(s.v), s.pos);
                },
                x -> {
                    int y = expectTerm(x, "null");
                    return new R<>((Fn) new Literal(null), y);
                },
                x -> arrayLiteral(x, named),
                x -> objectLiteral(x, named));
    }

    private R<Fn> booleanLiteral(int p) {
        if (term(p, "true")) {
            return new R<>(new Literal(true), p + 4);
        }
        if (term(p, "false")) {
            return new R<>(new Literal(false), p + 5);
        }
        throw PErr.soft(p, "boolean");
    }

    private R<Fn> numberLiteral(int p) {
        int q = p;
        boolean negative = false;
        if (at(q) == '-') {
            negative = true;
            q++;
        }
        int ds = q;
        while (q < n && cs[q] >= '0' && cs[q] <= '9') {
            q++;
        }
        if (q == ds) {
            throw PErr.soft(q, "number");
        }
        String text = new String(cs, ds, q - ds);
        if (at(q) == '.' && q + 1 < n && cs[q + 1] >= '0' && cs[q + 1] <= '9') {
            int f = q + 1;
            while (f < n && cs[f] >= '0' && cs[f] <= '9') {
                f++;
            }
            text = text + "." + new String(cs, q + 1, f - q - 1);
            q = f;
            double d = Double.parseDouble(text);
            return new R<>(new Literal(negative ? -d : d), q);
        }
        try {
            long l = Long.parseLong(text);
            return new R<>(new Literal(negative ? -l : l), q);
        } catch (NumberFormatException e) {
            throw PErr.fatal(p, "failed to parse '" + text + "' as integer: strconv.ParseInt: parsing \"" + text
                    + "\": value out of range");
        }
    }

    private R<Fn> arrayLiteral(int p, Set<String> named) {
        int q;
        try {
            q = expectChar(p, '[');
        } catch (PErr e) {
            throw e.expect("array");
        }
        q = discardWNC(q);
        List<Fn> items = new ArrayList<>();
        while (true) {
            R<Fn> item;
            try {
                item = query(q, named);
            } catch (PErr e) {
                int end = discardWNC(q);
                if (at(end) == ']') {
                    q = end + 1;
                    break;
                }
                throw e.expect("object");
            }
            items.add(item.v);
            int d = skipSpaces(item.pos);
            if (at(d) == ',') {
                q = discardWNC(d + 1);
                continue;
            }
            int end = discardWNC(d);
            if (at(end) == ']') {
                q = end + 1;
                break;
            }
            PErr e = PErr.soft(d, ",");
            e.add(PErr.soft(end, "]"));
            throw e;
        }
        return new R<>(Exprs.arrayLiteral(items), q);
    }

    private R<Fn> objectLiteral(int p, Set<String> named) {
        int q;
        try {
            q = expectChar(p, '{');
        } catch (PErr e) {
            throw e.expect("object");
        }
        q = discardWNC(q);
        List<Object[]> entries = new ArrayList<>();
        while (true) {
            R<Object> key;
            int keyStart = q;
            try {
                key = oneOf(q, x -> {
                    R<String> s = quoted(x);
                    // a quoted key must be followed by a colon, else it is a query such as "a" + "b"
                    int y = skipSpaces(s.pos);
                    if (at(y) != ':') {
                        throw PErr.soft(y, ":");
                    }
                    return new R<>((Object) s.v, s.pos);
                }, x -> {
                    R<Fn> f;
                    try {
                        f = query(x, named);
                    } catch (PErr e) {
                        throw e.expect("object");
                    }
                    return new R<>((Object) f.v, f.pos);
                });
            } catch (PErr e) {
                int end = discardWNC(keyStart);
                if (at(end) == '}') {
                    q = end + 1;
                    break;
                }
                throw e;
            }
            int y = skipSpaces(key.pos);
            y = expectChar(y, ':');
            y = discardWNC(y);
            R<Fn> val;
            try {
                val = query(y, named);
            } catch (PErr e) {
                throw e.expect("object");
            }
            entries.add(new Object[] {key.v, val.v});
            int d = skipSpaces(val.pos);
            if (at(d) == ',') {
                q = discardWNC(d + 1);
                continue;
            }
            int end = discardWNC(d);
            if (at(end) == '}') {
                q = end + 1;
                break;
            }
            PErr e = PErr.soft(d, ",");
            e.add(PErr.soft(end, "}"));
            throw e;
        }
        try {
            return new R<>(Exprs.objectLiteral(entries), q);
        } catch (EvalError e) {
            throw PErr.fatal(p, e.getMessage());
        }
    }

    // ---- interpolation -------------------------------------------------------------------------

    private List<Object> interpolation() {
        List<Object> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int p = 0;
        while (p < n) {
            if (term(p, "${{!")) {
                int q = p + 4;
                int end = -1;
                for (int i = q; i + 1 < n; i++) {
                    if (cs[i] == '}' && cs[i + 1] == '}') {
                        end = i;
                        break;
                    }
                }
                if (end < 0) {
                    throw new PErr(q, "required", List.of("end of escaped expression"));
                }
                text.append("${!").append(new String(cs, q, end - q)).append('}');
                p = end + 2;
                continue;
            }
            if (term(p, "${!")) {
                int q = skipSpaces(p + 3);
                R<Fn> f = requiredQuery(q, Set.of());
                q = skipSpaces(f.pos);
                if (at(q) != '}') {
                    throw new PErr(q, "required", List.of("end of expression"));
                }
                if (text.length() > 0) {
                    parts.add(text.toString());
                    text.setLength(0);
                }
                parts.add(f.v);
                p = q + 1;
                continue;
            }
            text.appendCodePoint(cs[p]);
            p++;
        }
        if (text.length() > 0) {
            parts.add(text.toString());
        }
        return parts;
    }

    /** Splits a root field name like a dot path (quoted segments are handled by the caller). */
    private static final class Paths2 {
        static List<String> split(String s) {
            return io.sluice.bloblang.exec.Paths.split(s);
        }
    }

    static String typeNameOf(Object v) {
        return Values.typeName(v);
    }
}
