package io.sluice.bloblang.exec;

import io.sluice.bloblang.Message;
import io.sluice.bloblang.value.EvalError;
import io.sluice.bloblang.value.Special;
import io.sluice.bloblang.value.Values;
import java.util.List;
import java.util.Map;

/** A parsed list of statements: a whole mapping, or a named {@code map} block. */
public final class Executor {
    private static final int MAX_MAP_STACKS = 5000;

    private final String name;
    private final List<Statement> statements;
    private final Map<String, Executor> maps;
    private final boolean readsContext;

    public Executor(String name, List<Statement> statements, Map<String, Executor> maps) {
        this.name = name;
        this.statements = List.copyOf(statements);
        this.maps = maps;
        Assignment.skipNeedlessCopies(this.statements);
        boolean reads = false;
        for (Statement s : statements) {
            reads |= s.readsContext();
        }
        this.readsContext = reads;
    }

    public Map<String, Executor> maps() {
        return maps;
    }

    public List<Statement> statements() {
        return statements;
    }

    /** False when no statement can read {@code this}, so the message never needs parsing. */
    public boolean readsContext() {
        return readsContext;
    }

    /** Runs the statements onto the given target, wrapping failures with the statement line. */
    public void execInto(Ctx ctx, Statement.Target target) {
        for (Statement s : statements) {
            try {
                s.execute(ctx, target);
            } catch (FailedAssignment e) {
                throw e;
            } catch (EvalError e) {
                throw new FailedAssignment(s.line(), e);
            } catch (StackOverflowError e) {
                throw new FailedAssignment(s.line(), new EvalError("entering " + name
                        + " exceeded maximum allowed stacks of " + MAX_MAP_STACKS
                        + ", this could be due to unbounded recursion"));
            }
        }
    }

    /** Executes as a named map ({@code apply}): a fresh root, shared variables, no metadata. */
    public Object execAsMap(Ctx ctx) {
        Ctx c = ctx.incrStack();
        if (c.stack() > MAX_MAP_STACKS) {
            throw new EvalError("entering " + name + " exceeded maximum allowed stacks of " + MAX_MAP_STACKS
                    + ", this could be due to unbounded recursion");
        }
        Object[] root = {Special.NOTHING};
        c = c.withRoot(root);
        execInto(c, new Statement.Target(c.run.vars, null, root));
        return root[0];
    }

    /**
     * Maps message {@code index} of {@code batch}. Returns the new message, or null when deleted.
     * With {@code onto} (the mutation processor) the statements modify that message in place.
     */
    public Message mapMessage(List<Message> batch, int index, Message onto) {
        Message newPart;
        Object[] root = {Special.NOTHING};
        if (onto == null) {
            newPart = batch.get(index).shallowCopy();
        } else {
            newPart = onto;
            if (onto.structureMayBeShared()) {
                // edited in place below: first make the structure this message's own
                try {
                    onto.setStructured(Values.deepCopy(onto.structured()));
                } catch (EvalError e) {
                    // not JSON: there is no structure to share
                }
            }
            try {
                root[0] = onto.structured();
            } catch (EvalError e) {
                root[0] = Special.NOTHING;
            }
        }
        Run run = new Run(maps, batch, index, newPart);
        Ctx ctx = Ctx.forMessage(run, root);
        execInto(ctx, new Statement.Target(run.vars, newPart, root, onto != null));
        Object v = root[0];
        if (v == Special.DELETED) {
            return null;
        }
        if (v != Special.NOTHING) {
            if (v instanceof String) {
                newPart.setContent(((String) v).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } else if (v instanceof byte[]) {
                newPart.setContent((byte[]) v);
            } else {
                newPart.setStructured(v);
                if (run.sharesStructure) {
                    newPart.markStructureShared();
                }
            }
        }
        return newPart;
    }
}
