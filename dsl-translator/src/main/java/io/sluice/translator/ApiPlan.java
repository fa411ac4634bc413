package io.sluice.translator;

import io.sluice.translator.model.ApiDefinition;
import java.util.List;

/** Every stream of one API definition, translated. */
public record ApiPlan(ApiDefinition api, List<StreamPlan> streams) {
}
