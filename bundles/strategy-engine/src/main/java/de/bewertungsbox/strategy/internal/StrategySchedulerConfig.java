package de.bewertungsbox.strategy.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of {@link StrategyScheduler} (PID {@code de.bewertungsbox.strategy}). */
@ObjectClassDefinition(name = "BewertungsBox strategy evaluation")
@interface StrategySchedulerConfig {
    /** @return seconds between evaluations of every enabled strategy (time-based eligibility, changed customers) */
    @AttributeDefinition(min = "1")
    int evaluate__seconds() default 60;
}
