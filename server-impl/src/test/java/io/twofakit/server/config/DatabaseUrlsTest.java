package io.twofakit.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatabaseUrlsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            jdbc:postgresql://db:5432/twofa?user=twofa&password=s3cr#t!x       | jdbc:postgresql://db:5432/twofa?user=twofa&password=***
            jdbc:postgresql://db/twofa?password=s3cret&user=twofa               | jdbc:postgresql://db/twofa?password=***&user=twofa
            jdbc:postgresql://db/twofa?user=a&PASSWORD=s3cret&sslpassword=k3y   | jdbc:postgresql://db/twofa?user=a&PASSWORD=***&sslpassword=***
            jdbc:postgresql://twofa:s3cret@db:5432/twofa                        | jdbc:postgresql://twofa:***@db:5432/twofa
            jdbc:postgresql://twofa:p@ss:w0rd@db/twofa?ssl=true                 | jdbc:postgresql://twofa:***@db/twofa?ssl=true
            jdbc:h2:file:./data/twofa;USER=sa;PASSWORD=s3cret;MODE=PostgreSQL   | jdbc:h2:file:./data/twofa;USER=sa;PASSWORD=***;MODE=PostgreSQL
            jdbc:h2:file:./x;CIPHER=AES;FILE_PASSWORD=k3y                       | jdbc:h2:file:./x;CIPHER=AES;FILE_PASSWORD=***
            jdbc:sqlserver://db:1433;databaseName=x;user=sa;password=s3cret     | jdbc:sqlserver://db:1433;databaseName=x;user=sa;password=***
            jdbc:postgresql://db/twofa?password=                                | jdbc:postgresql://db/twofa?password=***
            jdbc:postgresql://db/twofa?password=s3cret,with,commas&ssl=true     | jdbc:postgresql://db/twofa?password=***&ssl=true
            """)
    void masksEveryFormOfPassword(String url, String masked) {
        assertEquals(masked, DatabaseUrls.masked(url));
        assertFalse(DatabaseUrls.masked(url).contains("s3cret"));
        assertFalse(DatabaseUrls.masked(url).contains("k3y"));
    }

    @Test
    void leavesUrlsWithoutCredentialsAndOtherTextAlone() {
        for (String text : new String[] {ServerConfig.DEFAULT_DATABASE_URL, "jdbc:postgresql://db:5432/twofa?user=twofa",
                "jdbc:postgresql://user@db/twofa", "Listening on port 8080", "https://example.com/a?b=c"}) {
            assertEquals(text, DatabaseUrls.masked(text));
        }
        assertNull(DatabaseUrls.masked(null));
    }

    @Test
    void masksAUrlAnywhereInALine() {
        assertEquals("Listening with ServerConfig[databaseUrl=jdbc:postgresql://h/db?user=u&password=***, x=1]",
                DatabaseUrls.masked("Listening with ServerConfig[databaseUrl=jdbc:postgresql://h/db?user=u&password=pw, x=1]"));
    }
}
