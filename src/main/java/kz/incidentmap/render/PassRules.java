package kz.incidentmap.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.filter.BinaryComparisonOperator;
import org.geotools.api.filter.BinaryLogicOperator;
import org.geotools.api.filter.Filter;
import org.geotools.api.filter.Not;
import org.geotools.api.filter.PropertyIsNull;
import org.geotools.api.filter.expression.Expression;
import org.geotools.api.filter.expression.Literal;
import org.geotools.api.filter.expression.PropertyName;
import org.geotools.api.style.Rule;

/**
 * The rules of one style pass that draw each feature ({@link RuleSelector#matching}), worked out once
 * per combination of the attribute values the rules' filters read and then looked up: a street frame
 * asks each of tens of thousands of roads a score of passes, and the answer depends only on a road's
 * class and level, a handful of combinations. Only filters made of comparisons of attributes with
 * literals, null tests, and/or/not are answered so; a pass with any other filter (a spatial one, a
 * function) asks {@link RuleSelector} every time, as does one whose combinations grow past
 * {@value #MAX_COMBINATIONS} (names, say). One per pass of one frame.
 */
final class PassRules {

    static final int MAX_COMBINATIONS = 512;

    private final List<Rule> active;
    /** The attributes the filters read, or null when they cannot be answered by their values alone. */
    private final String[] attributes;
    private final Map<List<Object>, List<Rule>> byValues = new HashMap<>();

    /**
     * @param active the pass's rules in scale
     * @param geometryName the features' geometry attribute, which no key may hold
     */
    PassRules(List<Rule> active, String geometryName) {
        this.active = active;
        Set<String> names = new LinkedHashSet<>();
        boolean keyable = true;
        for (Rule r : active) {
            keyable &= r.getFilter() == null || collect(r.getFilter(), names);
        }
        this.attributes = keyable && !names.contains(geometryName) ? names.toArray(String[]::new) : null;
    }

    /** The rules that draw {@code f}, as {@link RuleSelector#matching} finds them. */
    List<Rule> matching(SimpleFeature f) {
        if (attributes == null || byValues.size() >= MAX_COMBINATIONS) {
            return RuleSelector.matching(active, f);
        }
        Object[] values = new Object[attributes.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = f.getAttribute(attributes[i]);
        }
        List<Object> key = Arrays.asList(values);
        List<Rule> rules = byValues.get(key);
        if (rules == null) {
            rules = List.copyOf(RuleSelector.matching(active, f));
            byValues.put(key, rules);
        }
        return rules;
    }

    /** Adds the attributes {@code filter} reads to {@code names}; false when it reads more than attributes. */
    private static boolean collect(Filter filter, Set<String> names) {
        if (filter == Filter.INCLUDE || filter == Filter.EXCLUDE) {
            return true;
        }
        if (filter instanceof BinaryLogicOperator logic) {
            boolean ok = true;
            for (Filter child : new ArrayList<>(logic.getChildren())) {
                ok &= collect(child, names);
            }
            return ok;
        }
        if (filter instanceof Not not) {
            return collect(not.getFilter(), names);
        }
        if (filter instanceof PropertyIsNull isNull) {
            return collect(isNull.getExpression(), names);
        }
        if (filter instanceof BinaryComparisonOperator compare) {
            return collect(compare.getExpression1(), names) & collect(compare.getExpression2(), names);
        }
        return false;
    }

    private static boolean collect(Expression e, Set<String> names) {
        if (e instanceof Literal) {
            return true;
        }
        if (e instanceof PropertyName p && p.getPropertyName() != null && !p.getPropertyName().contains("/")) {
            names.add(p.getPropertyName());
            return true;
        }
        return false;
    }
}
