package dev.orderflow.systemtests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.apache.avro.Schema;
import org.apache.avro.compiler.specific.SpecificCompiler;
import org.apache.avro.generic.GenericData.StringType;

/**
 * The next release of a service, built from today's jar the way a team would ship it: its
 * {@code OrderPlaced} gains one optional field ({@code giftNote}, default null, a
 * BACKWARD and FORWARD compatible change). The event class is generated from the changed
 * {@code .avsc} with Avro's compiler (as the build's avro-maven-plugin does), compiled,
 * and swapped into the service jar's nested {@code events} jar; everything else is the
 * same build.
 */
final class NextReleaseJar {

	static final String NEW_FIELD = "giftNote";

	private NextReleaseJar() {
	}

	/** Writes the next release of {@code serviceJar} to {@code target}. */
	static void build(Path repoRoot, Path serviceJar, Path target, Path workDir) {
		try {
			Map<String, byte[]> newClasses = compileOrderPlacedWithGiftNote(repoRoot.resolve("events/src/main/avro"),
					workDir);
			rewrite(serviceJar, target, newClasses);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Map<String, byte[]> compileOrderPlacedWithGiftNote(Path avroDir, Path workDir) throws IOException {
		Schema.Parser parser = new Schema.Parser();
		parser.parse(avroDir.resolve("OrderLine.avsc").toFile());
		String placed = Files.readString(avroDir.resolve("OrderPlaced.avsc"));
		int lastBracket = placed.lastIndexOf(']');
		String changed = placed.substring(0, lastBracket).stripTrailing() + ",\n    {\"name\": \"" + NEW_FIELD
				+ "\", \"type\": [\"null\", \"string\"], \"default\": null, \"doc\": \"Added by the next release.\"}\n  "
				+ placed.substring(lastBracket);
		Schema schema = parser.parse(changed);

		Path sources = workDir.resolve("src");
		Path classes = workDir.resolve("classes");
		Files.createDirectories(sources);
		Files.createDirectories(classes);
		SpecificCompiler compiler = new SpecificCompiler(schema);
		compiler.setStringType(StringType.String);
		compiler.setEnableDecimalLogicalType(true);
		compiler.compileToDestination(null, sources.toFile());
		Path source = sources.resolve("dev/orderflow/events/OrderPlaced.java");

		JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		int exit = javac.run(null, null, null, "-proc:none", "--release", "17", "-cp",
				System.getProperty("java.class.path"), "-d", classes.toString(), source.toString());
		if (exit != 0) {
			throw new IllegalStateException("javac could not compile the next release's " + source);
		}
		Map<String, byte[]> compiled = new TreeMap<>();
		Path packageDir = classes.resolve("dev/orderflow/events");
		try (Stream<Path> files = Files.list(packageDir)) {
			for (Path file : files.filter((f) -> f.getFileName().toString().startsWith("OrderPlaced")).toList()) {
				compiled.put("dev/orderflow/events/" + file.getFileName(), Files.readAllBytes(file));
			}
		}
		return compiled;
	}

	/**
	 * Copies the Spring Boot jar entry by entry; the nested events jar is rebuilt with
	 * the new classes.
	 */
	private static void rewrite(Path serviceJar, Path target, Map<String, byte[]> newClasses) throws IOException {
		Files.createDirectories(target.getParent());
		Path temporary = target.resolveSibling(target.getFileName() + ".next");
		try (ZipFile source = new ZipFile(serviceJar.toFile());
				JarOutputStream out = new JarOutputStream(Files.newOutputStream(temporary))) {
			List<? extends ZipEntry> entries = new ArrayList<>(source.stream().toList());
			for (ZipEntry entry : entries) {
				byte[] content;
				try (InputStream in = source.getInputStream(entry)) {
					content = in.readAllBytes();
				}
				if (entry.getName().matches("BOOT-INF/lib/events-.*\\.jar")) {
					content = replaceClasses(content, newClasses);
				}
				// Spring Boot reads nested jars in place: they must stay uncompressed
				out.putNextEntry(copyOf(entry, content));
				out.write(content);
				out.closeEntry();
			}
		}
		Files.move(temporary, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}

	private static byte[] replaceClasses(byte[] eventsJar, Map<String, byte[]> newClasses) throws IOException {
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		try (JarInputStream in = new JarInputStream(new java.io.ByteArrayInputStream(eventsJar));
				JarOutputStream out = new JarOutputStream(buffer, in.getManifest())) {
			for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
				byte[] content = in.readAllBytes();
				if (entry.getName().startsWith("dev/orderflow/events/OrderPlaced")) {
					continue;
				}
				out.putNextEntry(new JarEntry(entry.getName()));
				out.write(content);
				out.closeEntry();
			}
			for (Map.Entry<String, byte[]> compiled : newClasses.entrySet()) {
				out.putNextEntry(new JarEntry(compiled.getKey()));
				out.write(compiled.getValue());
				out.closeEntry();
			}
		}
		return buffer.toByteArray();
	}

	private static ZipEntry copyOf(ZipEntry entry, byte[] content) {
		ZipEntry copy = new ZipEntry(entry.getName());
		copy.setTime(entry.getTime());
		if (entry.getMethod() == ZipEntry.STORED) {
			CRC32 crc = new CRC32();
			crc.update(content);
			copy.setMethod(ZipEntry.STORED);
			copy.setSize(content.length);
			copy.setCompressedSize(content.length);
			copy.setCrc(crc.getValue());
		}
		return copy;
	}

}
