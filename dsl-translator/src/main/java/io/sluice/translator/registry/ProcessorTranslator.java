package io.sluice.translator.registry;

import io.sluice.translator.StreamContext;
import io.sluice.translator.spec.ComponentConfig;
import org.apache.camel.model.ProcessorDefinition;

/** A pipeline processor: Camel processors/EIPs appended to the stream's route. */
public interface ProcessorTranslator extends ComponentTranslator {

    /** @return the new tail of the route (an EIP such as {@code filter} opens a block of its own) */
    ProcessorDefinition<?> appendTo(ProcessorDefinition<?> route, ComponentConfig config, StreamContext stream);
}
