package io.twofakit.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The key file: where the server secret lives when {@code --secret} does not give it. It is kept outside the
 * database on purpose, so that a dump of the database holds the hashes of OTP codes but never the key to try codes
 * against them. The file is created readable and writable by its owner only (0600 where the file system has POSIX
 * permissions); it holds the secret as one line of text, and may be written by hand (at least
 * {@value ServerConfig#MIN_SECRET_LENGTH} characters).
 */
public final class SecretKeyFile {

    private static final Logger LOG = Logger.getLogger(SecretKeyFile.class.getName());
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private final Path file;

    public SecretKeyFile(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
    }

    /** The file, as an absolute path. */
    public Path path() {
        return file;
    }

    /** The secret and where it came from. */
    public record Loaded(String secret, boolean created) {
        @Override
        public String toString() {
            return "Loaded[created=" + created + "]"; // never the secret
        }
    }

    /**
     * The secret in the file; when there is no file yet, {@code generate} makes one and it is written to a new file
     * (its folder created when missing), readable by its owner only.
     *
     * @throws IllegalStateException when the file holds no secret of at least {@value ServerConfig#MIN_SECRET_LENGTH}
     *         characters
     */
    public Loaded readOrCreate(Supplier<String> generate) {
        if (!Files.exists(file)) {
            String generated = generate.get();
            if (create(generated)) {
                return new Loaded(generated, true);
            }
            // another server on this machine created it first: use its secret
        }
        return new Loaded(read(), false);
    }

    /**
     * Keeps a secret that the database of an older version held: written to the file when there is none, so that
     * the codes hashed with it can still be checked. When the file exists and holds the same secret, nothing changes.
     *
     * @throws IllegalStateException when the file holds another secret: which of the two the stored codes were
     *         hashed with cannot be told, and dropping either could lose them
     */
    public void adoptFromDatabase(String secretFromDatabase) {
        Objects.requireNonNull(secretFromDatabase, "secretFromDatabase");
        if (!Files.exists(file) && create(secretFromDatabase)) {
            LOG.warning(() -> "The server secret that the database kept was moved to the key file " + file
                    + " and deleted from the database. Keep this file (and a copy in a safe place): without it the"
                    + " stored OTP codes cannot be checked.");
            return;
        }
        if (!read().equals(secretFromDatabase.strip())) {
            throw new IllegalStateException("The database keeps a server secret (from an older version) and the key"
                    + " file " + file + " holds another one; the server cannot tell which one its OTPs were hashed"
                    + " with. Keep the one in use: move the key file away to have the database's secret moved"
                    + " there, or give the file's secret with --secret once the database's is no longer needed.");
        }
        LOG.info(() -> "The server secret that the database kept is the one in the key file " + file
                + "; it was deleted from the database.");
    }

    /** Writes {@code secret} to a new file; false when the file exists already. */
    private boolean create(String secret) {
        try {
            Path folder = file.getParent();
            if (folder != null && !Files.isDirectory(folder)) {
                Files.createDirectories(folder, attributes(OWNER_ONLY_DIRECTORY));
            }
            Files.createFile(file, attributes(OWNER_ONLY));
            Files.writeString(file, secret + System.lineSeparator(), StandardCharsets.UTF_8);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the key file " + file, e);
        }
    }

    private String read() {
        try {
            warnWhenOthersMayRead();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String secret = lines.isEmpty() ? "" : lines.get(0).strip();
            if (secret.length() < ServerConfig.MIN_SECRET_LENGTH) {
                throw new IllegalStateException("The key file " + file + " holds no secret of at least "
                        + ServerConfig.MIN_SECRET_LENGTH + " characters on its first line");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the key file " + file, e);
        }
    }

    private void warnWhenOthersMayRead() throws IOException {
        if (!isPosix()) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.stream().anyMatch(permission -> !permission.name().startsWith("OWNER_"))) {
            LOG.warning(() -> "The key file " + file + " is open to others ("
                    + PosixFilePermissions.toString(permissions) + "): restrict it with chmod 600");
        }
    }

    private FileAttribute<?>[] attributes(Set<PosixFilePermission> permissions) {
        return isPosix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }

    private boolean isPosix() {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
