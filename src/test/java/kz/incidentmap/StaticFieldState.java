package kz.incidentmap;

import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.lang.ref.Reference;
import java.lang.reflect.Field;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.locks.Lock;

/**
 * An ArchUnit condition on static fields: final, of no type that holds changing state (an executor,
 * a thread, a future, an atomic value, a lock, a reference), and a collection or map only when the
 * value the class put there cannot be changed ({@code List.of}, {@code Map.of}, an unmodifiable view).
 * The value is read by reflection, since a field typed {@code Map} may hold either kind.
 */
final class StaticFieldState {

    /** Types whose instances are state by nature, whatever a field of them is declared as. */
    private static final List<Class<?>> STATEFUL = List.of(Executor.class, Thread.class, Future.class, Lock.class,
            Reference.class);
    /** The JDK's unmodifiable collections and maps, by class name (they are not public classes). */
    private static final List<String> UNMODIFIABLE = List.of("java.util.ImmutableCollections$",
            "java.util.Collections$Unmodifiable", "java.util.Collections$Empty", "java.util.Collections$Singleton");

    private StaticFieldState() {
    }

    static ArchCondition<JavaField> beImmutableConstants() {
        return new ArchCondition<>("be final constants that hold no changing state") {
            @Override
            public void check(JavaField field, ConditionEvents events) {
                String problem = problem(field);
                if (problem != null) {
                    events.add(SimpleConditionEvent.violated(field, field.getFullName() + " " + problem));
                }
            }
        };
    }

    private static String problem(JavaField field) {
        if (!field.getModifiers().contains(JavaModifier.FINAL)) {
            return "is static and not final";
        }
        Class<?> type = field.getRawType().reflect();
        if (type.getPackageName().equals("java.util.concurrent.atomic")
                || STATEFUL.stream().anyMatch(s -> s.isAssignableFrom(type))) {
            return "is static state of type " + type.getSimpleName();
        }
        if (!Collection.class.isAssignableFrom(type) && !Map.class.isAssignableFrom(type)) {
            return null;
        }
        Object value = value(field);
        String kind = value == null ? "null" : value.getClass().getName();
        return value == null || UNMODIFIABLE.stream().anyMatch(kind::startsWith) ? null
                : "is a static " + type.getSimpleName() + " that can be changed (" + kind + ")";
    }

    private static Object value(JavaField field) {
        try {
            Field f = field.reflect();
            f.setAccessible(true);
            return f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + field.getFullName(), e);
        }
    }
}
