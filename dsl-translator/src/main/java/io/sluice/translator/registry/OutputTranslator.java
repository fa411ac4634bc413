package io.sluice.translator.registry;

import io.sluice.translator.StreamContext;
import io.sluice.translator.spec.ComponentConfig;
import org.apache.camel.model.ProcessorDefinition;

/** An output: what the end of the stream's route sends each message to. */
public interface OutputTranslator extends ComponentTranslator {

    void appendTo(ProcessorDefinition<?> route, ComponentConfig config, StreamContext stream);
}
