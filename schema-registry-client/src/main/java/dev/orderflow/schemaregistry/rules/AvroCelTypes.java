package dev.orderflow.schemaregistry.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Avro schemas as CEL types, so a rule is type-checked against the schema it belongs to:
 * a record is a struct with its fields ({@code message.customerEmail} must exist and be a
 * string), {@code int}/{@code long} are CEL {@code int}, {@code timestamp-millis} is its
 * epoch milliseconds, enums and UUIDs are strings, arrays lists, maps maps; a union (a
 * nullable field) is {@code dyn}, checked when evaluated. {@link AvroCelValues} turns
 * records into matching values.
 */
final class AvroCelTypes implements CelTypeProvider {

	private final Map<String, CelType> structs = new LinkedHashMap<>();

	private final CelType root;

	AvroCelTypes(Schema schema) {
		this.root = type(schema);
	}

	/** The type of {@code message}. */
	CelType root() {
		return this.root;
	}

	@Override
	public ImmutableCollection<CelType> types() {
		return ImmutableList.copyOf(this.structs.values());
	}

	@Override
	public Optional<CelType> findType(String typeName) {
		return Optional.ofNullable(this.structs.get(typeName));
	}

	private CelType type(Schema schema) {
		return switch (schema.getType()) {
			case RECORD -> struct(schema);
			case STRING, ENUM -> SimpleType.STRING;
			case INT, LONG -> SimpleType.INT;
			case FLOAT, DOUBLE -> SimpleType.DOUBLE;
			case BOOLEAN -> SimpleType.BOOL;
			case BYTES, FIXED ->
				(schema.getLogicalType() instanceof LogicalTypes.Decimal) ? SimpleType.DOUBLE : SimpleType.BYTES;
			case ARRAY -> ListType.create(type(schema.getElementType()));
			case MAP -> MapType.create(SimpleType.STRING, type(schema.getValueType()));
			case NULL -> SimpleType.NULL_TYPE;
			case UNION -> SimpleType.DYN;
		};
	}

	private CelType struct(Schema record) {
		CelType known = this.structs.get(record.getFullName());
		if (known != null) {
			return known;
		}
		Map<String, CelType> fields = new LinkedHashMap<>();
		StructType struct = StructType.create(record.getFullName(),
				ImmutableSet.copyOf(record.getFields().stream().map(Schema.Field::name).toList()),
				(name) -> Optional.ofNullable(fields.get(name)));
		// registered before its fields are typed, so a record that refers to itself
		// resolves
		this.structs.put(record.getFullName(), struct);
		record.getFields().forEach((field) -> fields.put(field.name(), type(field.schema())));
		return struct;
	}

}
