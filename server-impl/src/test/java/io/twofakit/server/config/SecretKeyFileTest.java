package io.twofakit.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretKeyFileTest {

    private static final String SECRET = "a-generated-secret-of-some-length";

    @TempDir
    Path dir;

    @Test
    void aSecretIsGeneratedOnceIntoANewFileThatOnlyItsOwnerCanRead() throws IOException {
        Path file = dir.resolve("data").resolve("twofa.secret");
        AtomicInteger generated = new AtomicInteger();

        SecretKeyFile.Loaded first = new SecretKeyFile(file).readOrCreate(() -> SECRET + generated.incrementAndGet());
        SecretKeyFile.Loaded second = new SecretKeyFile(file).readOrCreate(() -> SECRET + generated.incrementAndGet());

        assertEquals(SECRET + 1, first.secret());
        assertTrue(first.created());
        assertEquals(SECRET + 1, second.secret(), "read back, not generated again");
        assertFalse(second.created());
        assertEquals(1, generated.get());
        assertEquals(SECRET + 1, Files.readString(file).strip());
        assertFalse(first.toString().contains(SECRET), "never printed");
        assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())),
                "the folder it created is the owner's only");
    }

    @Test
    void aFileWrittenByHandIsUsedAsItIs() throws IOException {
        Path file = Files.writeString(dir.resolve("key"), "  written-by-an-operator-123  \n");

        assertEquals("written-by-an-operator-123", new SecretKeyFile(file).readOrCreate(() -> SECRET).secret());
    }

    @Test
    void aFileWithoutASecretOfSixteenCharactersIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("key"), "too-short\n");

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new SecretKeyFile(file).readOrCreate(() -> SECRET));
        assertTrue(refused.getMessage().contains("at least 16 characters"), refused.getMessage());
        assertThrows(IllegalStateException.class,
                () -> new SecretKeyFile(Files.writeString(dir.resolve("empty"), "")).readOrCreate(() -> SECRET));
    }

    @Test
    void theDatabasesSecretMovesIntoAMissingFile() throws IOException {
        Path file = dir.resolve("twofa.secret");

        new SecretKeyFile(file).adoptFromDatabase("the-databases-secret-0123");

        assertEquals("the-databases-secret-0123", new SecretKeyFile(file).readOrCreate(() -> SECRET).secret());
        assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void theSameSecretInTheFileIsFineAnotherOneStopsTheMove() throws IOException {
        Path file = Files.writeString(dir.resolve("twofa.secret"), "the-databases-secret-0123\n");
        new SecretKeyFile(file).adoptFromDatabase("the-databases-secret-0123");

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new SecretKeyFile(file).adoptFromDatabase("another-secret-of-the-db-456"));
        assertTrue(refused.getMessage().contains("holds another one"), refused.getMessage());
        assertFalse(refused.getMessage().contains("another-secret-of-the-db-456"), "never printed");
        assertEquals("the-databases-secret-0123", Files.readString(file).strip(), "the file is left as it was");
    }
}
