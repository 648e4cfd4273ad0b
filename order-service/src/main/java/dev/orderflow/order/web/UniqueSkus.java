package dev.orderflow.order.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * Each SKU appears on one line only. We refuse duplicates rather than merge them, because
 * a client that sends two lines for one SKU has most likely made a mistake.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = UniqueSkus.Validator.class)
@interface UniqueSkus {

	String message() default "has more than one line for {skus}; put each SKU on one line";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<UniqueSkus, List<PlaceOrderRequest.Line>> {

		@Override
		public boolean isValid(List<PlaceOrderRequest.Line> lines, ConstraintValidatorContext context) {
			if (lines == null) {
				return true;
			}
			Set<String> seen = new HashSet<>();
			Set<String> duplicates = new TreeSet<>();
			for (PlaceOrderRequest.Line line : lines) {
				if (line != null && line.sku() != null && !seen.add(line.sku())) {
					duplicates.add(line.sku());
				}
			}
			if (duplicates.isEmpty()) {
				return true;
			}
			// A message parameter, not string concatenation: SKUs come from the client
			// and
			// must never be interpreted as part of the message template.
			context.unwrap(HibernateConstraintValidatorContext.class)
				.addMessageParameter("skus", String.join(", ", duplicates));
			return false;
		}

	}

}
