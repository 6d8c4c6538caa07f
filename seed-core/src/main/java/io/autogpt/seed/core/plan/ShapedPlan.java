package io.autogpt.seed.core.plan;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The plan a recorded {@link RunShape} was written from: the inverse of {@link RunShape#of}, read off the same record
 * components, so a new count in a profile is read back as soon as it is recorded. {@code advance} rebuilds the
 * seeder's plan from its run ledger and so computes every id, graph and design of the dataset without reading them.
 */
public final class ShapedPlan {
    private ShapedPlan() {
    }

    /**
     * The plan of {@code shape}, under {@code rules} (the target's, which the shape's schema version names).
     *
     * @throws IllegalArgumentException when the shape lacks a key of the plan or holds a value that does not parse
     *                                  (a run recorded by an older seeder): the message names the key
     */
    public static SeedPlan from(RunShape shape, PlatformRules rules) {
        return (SeedPlan) build(SeedPlan.class, shape, rules);
    }

    private static Object build(Class<?> type, RunShape shape, PlatformRules rules) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        @org.jspecify.annotations.Nullable Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            args[i] = value(c, shape, rules);
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new IllegalArgumentException("the recorded shape does not make a plan: "
                    + (cause != null ? cause.getMessage() : e.getMessage()), e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    private static @org.jspecify.annotations.Nullable Object value(RecordComponent c, RunShape shape,
                                                                   PlatformRules rules) {
        Class<?> t = c.getType();
        if (t == PlatformRules.class) {
            return rules;
        }
        if (t == EncryptionKey.class) {
            // A secret: the ledger records only whether one was set, never the key. No day's activity writes a table
            // it encrypts, and no other row depends on it, so the rebuilt plan carries none.
            return null;
        }
        if (t.isRecord() && t != IntRange.class) {
            return build(t, shape, rules);
        }
        String key = kebab(c.getName());
        String text = shape.values().get(key);
        if (text == null) {
            throw new IllegalArgumentException("the recorded shape has no " + key);
        }
        try {
            if (t == long.class) {
                return Long.parseLong(text);
            } else if (t == int.class) {
                return Integer.parseInt(text);
            } else if (t == double.class) {
                return Double.parseDouble(text);
            } else if (t == IntRange.class) {
                return IntRange.parse(text);
            } else if (t == LocalDateTime.class) {
                return LocalDateTime.ofInstant(Instant.parse(text), ZoneOffset.UTC);
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the recorded shape's " + key + " is not a value: " + text, e);
        }
        throw new IllegalStateException("no reading for " + c + " of type " + t.getName());
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
