package dev.viewmetrics.spring.boot.testing;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the failure analysis Spring Boot's own analyzers made of the last failed start-up, as it would print it;
 * registered in the tests' {@code META-INF/spring.factories}.
 */
public final class CapturedFailureAnalysis implements FailureAnalysisReporter {

    private static final AtomicReference<FailureAnalysis> LAST = new AtomicReference<>();

    @Override
    public void report(FailureAnalysis analysis) {
        LAST.set(analysis);
    }

    /** Forgets the last analysis. */
    public static void clear() {
        LAST.set(null);
    }

    /** The description and the action of the last analysis; fails when start-up was not analysed. */
    public static String text() {
        FailureAnalysis analysis = LAST.get();
        if (analysis == null) {
            throw new AssertionError("no failure analysis was reported");
        }
        return analysis.getDescription() + "\n" + analysis.getAction();
    }
}
