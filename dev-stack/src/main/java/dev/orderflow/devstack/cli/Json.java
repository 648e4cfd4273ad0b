package dev.orderflow.devstack.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader for the services' answers (objects become maps, arrays lists, numbers
 * {@code Long} or {@code Double}), so the launcher needs no JSON library on its classpath.
 */
final class Json {

	private final String text;

	private int pos;

	private Json(String text) {
		this.text = text;
	}

	/** Parses one JSON value; throws {@link IllegalArgumentException} on malformed input. */
	static Object parse(String text) {
		Json json = new Json(text);
		Object value = json.value();
		json.skipWhitespace();
		if (json.pos != text.length()) {
			throw json.error("unexpected trailing content");
		}
		return value;
	}

	private Object value() {
		skipWhitespace();
		if (this.pos >= this.text.length()) {
			throw error("unexpected end");
		}
		char c = this.text.charAt(this.pos);
		return switch (c) {
			case '{' -> object();
			case '[' -> array();
			case '"' -> string();
			case 't' -> literal("true", Boolean.TRUE);
			case 'f' -> literal("false", Boolean.FALSE);
			case 'n' -> literal("null", null);
			default -> number();
		};
	}

	private Map<String, Object> object() {
		Map<String, Object> object = new LinkedHashMap<>();
		this.pos++;
		skipWhitespace();
		if (peek() == '}') {
			this.pos++;
			return object;
		}
		while (true) {
			skipWhitespace();
			String key = string();
			skipWhitespace();
			expect(':');
			object.put(key, value());
			skipWhitespace();
			if (peek() == ',') {
				this.pos++;
				continue;
			}
			expect('}');
			return object;
		}
	}

	private List<Object> array() {
		List<Object> array = new ArrayList<>();
		this.pos++;
		skipWhitespace();
		if (peek() == ']') {
			this.pos++;
			return array;
		}
		while (true) {
			array.add(value());
			skipWhitespace();
			if (peek() == ',') {
				this.pos++;
				continue;
			}
			expect(']');
			return array;
		}
	}

	private String string() {
		expect('"');
		StringBuilder string = new StringBuilder();
		while (true) {
			char c = next();
			if (c == '"') {
				return string.toString();
			}
			if (c != '\\') {
				string.append(c);
				continue;
			}
			char escaped = next();
			switch (escaped) {
				case 'b' -> string.append('\b');
				case 'f' -> string.append('\f');
				case 'n' -> string.append('\n');
				case 'r' -> string.append('\r');
				case 't' -> string.append('\t');
				case 'u' -> {
					if (this.pos + 4 > this.text.length()) {
						throw error("bad unicode escape");
					}
					string.append((char) Integer.parseInt(this.text.substring(this.pos, this.pos + 4), 16));
					this.pos += 4;
				}
				default -> string.append(escaped);
			}
		}
	}

	private Object number() {
		int start = this.pos;
		while (this.pos < this.text.length() && "+-0123456789.eE".indexOf(this.text.charAt(this.pos)) >= 0) {
			this.pos++;
		}
		String number = this.text.substring(start, this.pos);
		try {
			// not a conditional expression: that would promote the Long to double
			if (number.contains(".") || number.contains("e") || number.contains("E")) {
				return Double.valueOf(number);
			}
			return Long.valueOf(number);
		}
		catch (NumberFormatException ex) {
			throw error("unexpected character");
		}
	}

	private Object literal(String word, Object value) {
		if (!this.text.startsWith(word, this.pos)) {
			throw error("unexpected character");
		}
		this.pos += word.length();
		return value;
	}

	private void expect(char c) {
		if (next() != c) {
			throw error("expected '" + c + "'");
		}
	}

	private char next() {
		if (this.pos >= this.text.length()) {
			throw error("unexpected end");
		}
		return this.text.charAt(this.pos++);
	}

	private char peek() {
		return (this.pos < this.text.length()) ? this.text.charAt(this.pos) : '\0';
	}

	private void skipWhitespace() {
		while (this.pos < this.text.length() && Character.isWhitespace(this.text.charAt(this.pos))) {
			this.pos++;
		}
	}

	private IllegalArgumentException error(String message) {
		return new IllegalArgumentException("invalid JSON at " + this.pos + ": " + message);
	}

}
