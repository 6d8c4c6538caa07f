package io.autogpt.seed.cli;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;
import org.jspecify.annotations.Nullable;

/**
 * Adds the HotSpot compiler directives the launcher names ({@code -Dautogpt.seed.jit-directives=FILE}; for the JPA
 * writer, {@code bin/jpa-compiler-directives.json}) to the running JVM, through its diagnostic command
 * {@code Compiler.directives_add}. The flag {@code -XX:CompilerDirectivesFile} would do the same at start, but needs
 * diagnostic options unlocked and announces the directives on stdout, where the run writes its report; silencing
 * that ({@code -XX:-DisplayVMOutput}) would also silence the JVM's own errors.
 */
final class CompilerDirectives {
    /** The system property naming the directives file. */
    static final String PROPERTY = "autogpt.seed.jit-directives";

    private CompilerDirectives() {
    }

    /**
     * Adds the directives in the file {@link #PROPERTY} names, if it names one. They only make a run faster: a JVM
     * without the command (not HotSpot) or a file it cannot use leaves the run as it is.
     *
     * @return what the JVM answered (e.g. {@code 1 compiler directives added}); null when nothing was asked or the JVM
     *     has no such command
     */
    static @Nullable String addNamed() {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            return null;
        }
        try {
            Object answer = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                    new Object[] {new String[] {file}}, new String[] {String[].class.getName()});
            return answer == null ? "" : answer.toString().strip();
        } catch (JMException | RuntimeException e) {
            return null;
        }
    }
}
