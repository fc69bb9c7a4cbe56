package kz.incidentmap.layers;

import java.util.List;
import org.geotools.api.filter.expression.Expression;
import org.geotools.api.filter.expression.Function;
import org.geotools.filter.FunctionExpressionImpl;
import org.geotools.filter.function.FilterFunction_greaterEqualThan;
import org.geotools.filter.function.FilterFunction_if_then_else;
import org.geotools.filter.function.FilterFunction_numberFormat;
import org.geotools.filter.function.FilterFunction_strConcat;
import org.geotools.filter.function.math.FilterFunction_floor;
import org.geotools.filter.function.math.FilterFunction_log;
import org.geotools.filter.function.math.FilterFunction_min;
import org.geotools.filter.function.math.FilterFunction_sqrt;
import org.geotools.filter.visitor.DuplicatingFilterVisitor;

/**
 * The filter functions the styles use, made directly. Asking GeoTools for a function by its name — as
 * parsing ECQL or copying a style does — first loads its whole function registry: every function and
 * process it knows, about 350 classes and 250–400 ms of a fresh JVM's CPU, which on two cores comes
 * out of the time to the first frame.
 */
final class StyleFunctions {

    private StyleFunctions() {
    }

    static Function sqrt(Expression x) {
        return with(new FilterFunction_sqrt(), x);
    }

    /** The natural logarithm. */
    static Function log(Expression x) {
        return with(new FilterFunction_log(), x);
    }

    static Function min(Expression a, Expression b) {
        return with(new FilterFunction_min(), a, b);
    }

    static Function floor(Expression x) {
        return with(new FilterFunction_floor(), x);
    }

    static Function greaterEqualThan(Expression a, Expression b) {
        return with(new FilterFunction_greaterEqualThan(), a, b);
    }

    static Function ifThenElse(Expression condition, Expression then, Expression otherwise) {
        return with(new FilterFunction_if_then_else(), condition, then, otherwise);
    }

    /** {@code number} formatted with the {@link java.text.DecimalFormat} pattern {@code pattern}. */
    static Function numberFormat(Expression pattern, Expression number) {
        return with(new FilterFunction_numberFormat(), pattern, number);
    }

    static Function strConcat(Expression a, Expression b) {
        return with(new FilterFunction_strConcat(), a, b);
    }

    /**
     * Copies filters and expressions as GeoTools' own copier does, but keeps each function as it is
     * instead of asking for a new one by name. The styles never change a function once built, so the
     * copy may share it.
     */
    static DuplicatingFilterVisitor copierKeepingFunctions() {
        return new DuplicatingFilterVisitor() {
            @Override
            public Object visit(Function expression, Object extraData) {
                return expression;
            }
        };
    }

    private static Function with(FunctionExpressionImpl function, Expression... parameters) {
        function.setParameters(List.of(parameters));
        return function;
    }
}
