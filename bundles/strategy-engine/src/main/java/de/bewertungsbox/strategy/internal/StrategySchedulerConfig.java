package de.bewertungsbox.strategy.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of {@link StrategyScheduler} (PID {@code de.bewertungsbox.strategy}). */
@ObjectClassDefinition(name = "BewertungsBox strategy evaluation")
@interface StrategySchedulerConfig {
    /** @return seconds between evaluations of every enabled strategy */
    @AttributeDefinition(min = "1")
    int evaluate__seconds() default 60;

    /**
     * @return minutes between full evaluations (every customer not yet asked, so changed data counts); the passes
     *         in between look only at customers whose delay ran out since the previous pass
     */
    @AttributeDefinition(min = "1")
    int full__evaluate__minutes() default 15;
}
