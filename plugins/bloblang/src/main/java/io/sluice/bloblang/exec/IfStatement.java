package io.sluice.bloblang.exec;

import io.sluice.bloblang.value.EvalError;
import io.sluice.bloblang.value.Values;
import java.util.List;

/** A root-level {@code if / else if / else} block of statements. */
public final class IfStatement extends Statement {
    private final List<Fn> conditions; // null entry = else
    private final List<List<Statement>> blocks;

    public IfStatement(int line, List<Fn> conditions, List<List<Statement>> blocks) {
        super(line);
        this.conditions = conditions;
        this.blocks = blocks;
    }

    @Override
    public boolean readsContext() {
        for (Fn f : conditions) {
            if (f != null && f.readsContext()) {
                return true;
            }
        }
        for (List<Statement> b : blocks) {
            for (Statement s : b) {
                if (s.readsContext()) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    void collectAssignments(List<Assignment> out) {
        for (List<Statement> b : blocks) {
            for (Statement s : b) {
                s.collectAssignments(out);
            }
        }
    }

    @Override
    public void execute(Ctx ctx, Target t) {
        for (int i = 0; i < conditions.size(); i++) {
            Fn cond = conditions.get(i);
            if (cond != null) {
                Object q;
                try {
                    q = cond.exec(ctx);
                } catch (EvalError e) {
                    throw new EvalError("failed to check if condition " + (i + 1) + ": " + e.getMessage());
                }
                if (!(q instanceof Boolean)) {
                    throw new EvalError(cond.annotation() + " resolved to a non-boolean value " + Values.goSprint(q)
                            + " (" + Values.goTypeName(q) + ")");
                }
                if (!(Boolean) q) {
                    continue;
                }
            }
            for (Statement s : blocks.get(i)) {
                s.execute(ctx, t);
            }
            return;
        }
    }
}
