package io.autogpt.seed.it.arch;

import io.autogpt.seed.core.run.Dataset;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * What seed-core's {@code module-info} exports, read from the compiled descriptor (the classes directory or the jar
 * the core is loaded from), so the rules and the README are held to the module's own word, not to a copy of it.
 */
final class CoreModule {
    static final String PACKAGE = "io.autogpt.seed.core";
    /** The core's test kit, below {@link #PACKAGE}: seed-core's test-jar, for the other modules' tests. */
    static final String TEST_KIT = "testing";

    private CoreModule() {
    }

    /** The exported packages, as their names below {@code io.autogpt.seed.core} ({@code plan}, {@code run}…). */
    static Set<String> exports() {
        Set<String> exported = new TreeSet<>();
        for (ModuleDescriptor.Exports e : descriptor().exports()) {
            if (e.isQualified()) {
                throw new IllegalStateException("a qualified export is not API: " + e);
            }
            exported.add(e.source().substring(PACKAGE.length() + 1));
        }
        return exported;
    }

    /** Every package of the module, by its name below {@code io.autogpt.seed.core}. */
    static Set<String> packages() {
        Set<String> all = new TreeSet<>();
        for (String p : descriptor().packages()) {
            all.add(p.substring(PACKAGE.length() + 1));
        }
        return all;
    }

    private static ModuleDescriptor descriptor() {
        try {
            Path location = Path.of(Dataset.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            ModuleDescriptor d = ModuleFinder.of(location).find(PACKAGE)
                    .orElseThrow(() -> new IllegalStateException("no module " + PACKAGE + " in " + location))
                    .descriptor();
            return d;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
