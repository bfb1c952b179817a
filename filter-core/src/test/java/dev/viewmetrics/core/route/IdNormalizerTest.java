package dev.viewmetrics.core.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdNormalizerTest {

    private static final String METRIC_ALPHABET = "/[A-Za-z0-9._~{}/-]*";

    @ParameterizedTest(name = "{0}  →  {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', textBlock = """
            # root, slashes and matrix parameters
            ""                                                       => /
            /                                                        => /
            ///                                                      => /
            /;jsessionid=0A1B2C3D4E                                  => /
            /users/                                                  => /users
            //users//42//                                            => /users/{id}
            /users;jsessionid=0A1B2C3D4E/42;v=2                      => /users/{id}

            # words, kebab and snake case, codes and file names stay readable
            /login                                                   => /login
            /api/v1/users                                            => /api/v1/users
            /api/v2/order-items                                      => /api/v2/order-items
            /en-US/docs/Web/HTTP                                     => /en-US/docs/Web/HTTP
            /oauth2/authorize                                        => /oauth2/authorize
            /auth/2fa/verify                                         => /auth/2fa/verify
            /i18n/messages_fr.properties                             => /i18n/messages_fr.properties
            /platforms/x86_64/packages                               => /platforms/x86_64/packages
            /.well-known/openid-configuration                        => /.well-known/openid-configuration
            /favicon.ico                                             => /favicon.ico
            /robots.txt                                              => /robots.txt
            /index.html                                              => /index.html
            /downloads/archive.tar.gz                                => /downloads/archive.tar.gz
            /blog/how-to-cook-rice                                   => /blog/how-to-cook-rice
            /products/iphone-15-pro-max                              => /products/iphone-15-pro-max

            # GitHub-style REST
            /repos/octocat/hello-world/issues/1347                   => /repos/octocat/hello-world/issues/{id}
            /repos/octocat/hello-world/issues/1347/comments          => /repos/octocat/hello-world/issues/{id}/comments
            /repos/octocat/hello-world/commits/6dcb09b5b57875f334f61aebed695e2e4193db5e => /repos/octocat/hello-world/commits/{hash}
            /repos/octocat/hello-world/commit/a1b2c3d                => /repos/octocat/hello-world/commit/{hash}
            /repos/octocat/hello-world/compare/main...feature-x      => /repos/octocat/hello-world/compare/main...feature-x
            /orgs/github/teams/justice-league/members                => /orgs/github/teams/justice-league/members

            # Stripe-style prefixed IDs
            /v1/customers/cus_NffrFeUfNV2Hib                         => /v1/customers/{token}
            /v1/payment_intents/pi_3MtwBwLkdIwHu7ix28a3tqPa/confirm  => /v1/payment_intents/{token}/confirm
            /v1/orders/ord_8f3KdZ2                                   => /v1/orders/{token}

            # Twitter-style numeric IDs (the version segment is a number too)
            /2/tweets/1790000000000000000                            => /{id}/tweets/{id}
            /1.1/statuses/show/1234567890123456789.json              => /{id}.{id}/statuses/show/{id}.json
            /users/u123456/followers                                 => /users/{token}/followers

            # integers
            /users/42                                                => /users/{id}
            /users/007                                               => /users/{id}
            /accounts/-1                                             => /accounts/{id}
            /downloads/12345.pdf                                     => /downloads/{id}.pdf

            # UUIDs, with or without dashes, any case
            /orders/123e4567-e89b-12d3-a456-426614174000             => /orders/{uuid}
            /orders/123E4567-E89B-12D3-A456-426614174000/items       => /orders/{uuid}/items
            /orders/123e4567e89b12d3a456426614174000                 => /orders/{uuid}
            /sessions/00000000-0000-0000-0000-000000000000           => /sessions/{uuid}

            # hashes: git SHAs, MD5, SHA-256, fingerprinted assets
            /files/d41d8cd98f00b204e9800998ecf8427e                  => /files/{hash}
            /blobs/sha256/e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 => /blobs/sha256/{hash}
            /static/app.3f9a2b1c.js                                  => /static/app.{hash}.js
            /assets/main.a1b2c3d4e5f6.chunk.js                       => /assets/main.{hash}.chunk.js
            /static/jquery-3.7.1.min.js                              => /static/jquery-3.{id}.{id}.min.js

            # dates and times
            /reports/2024-05-31                                      => /reports/{date}
            /reports/20240531/summary                                => /reports/{date}/summary
            /events/2024-05-31T10:00:00Z                             => /events/{date}
            /events/2024-05-31T10%3A00%3A00.123%2B02%3A00            => /events/{date}
            /archive/2024-05-31.csv                                  => /archive/{date}.csv
            /archive/2024/05/31                                      => /archive/{id}/{id}/{id}
            /reports/2024-13-45                                      => /reports/{token}

            # slugs with numbers and mixed tokens
            /blog/my-post-2024-05-31                                 => /blog/{slug}
            /invoices/invoice-12345.pdf                              => /invoices/{slug}.pdf
            /p/Sony-WH-1000XM5-Wireless-Headphones                   => /p/{slug}
            /watch/dQw4w9WgXcQ                                       => /watch/{token}
            /reset-password/AbC9xYz12QwE                             => /reset-password/{token}
            /share/X7kP9qLm                                          => /share/{token}
            /auth/eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U => /auth/{token}

            # e-mail addresses, encoded and unusual characters
            /users/john.doe@example.com/profile                      => /users/{token}/profile
            /users/john.doe%40example.com                            => /users/{token}
            /@octocat                                                => /{token}
            /search/hello%20world                                    => /search/{token}
            /wiki/Caf%C3%A9                                          => /wiki/{token}
            /%75sers/42                                              => /users/{id}
            /q/a+b=c                                                 => /q/{token}
            /files/100%                                              => /files/{token}

            # hostile input
            /../../etc/passwd                                        => /../../etc/passwd
            /static/%2e%2e/%2e%2e/secret                             => /static/../../secret
            /files/a%2Fb                                             => /files/{token}
            /a%0Ab                                                   => /{token}
            /a%0D%0Aview.duration:1|ms                               => /{token}
            /a|b                                                     => /{token}
            /a#b                                                     => /{token}
            /a:b                                                     => /{token}
            /a,b                                                     => /{token}
            /search/'%20OR%20'1'='1                                  => /search/{token}
            /search/%3Cscript%3Ealert(1)%3C%2Fscript%3E              => /search/{token}
            /search/<script>alert(1)</script>                        => /search/{token}/{token}
            """)
    void normalizesRealWorldPaths(String path, String expected) {
        assertThat(IdNormalizer.normalize(path)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} from {1}")
    @CsvSource({
        "/app/users/42/orders/7, 4",
        "/app, 4",
        "/app/, 4",
        "/shop/files/report-2024-05.pdf, 5",
        "/users/550e8400-e29b-41d4-a716-446655440000, 0",
    })
    void normalisingFromAnOffsetIsNormalisingThePathPastIt(String uri, int from) {
        assertThat(IdNormalizer.normalize(uri, from)).isEqualTo(IdNormalizer.normalize(uri.substring(from)));
    }

    @Test
    void rawControlCharactersAndNonAsciiBecomeTokens() {
        assertThat(IdNormalizer.normalize("/a\nb/c\rd/e\tf/g h/\"q\"/caf\u00e9/\u65e5\u672c"))
                .isEqualTo("/{token}/{token}/{token}/{token}/{token}/{token}/{token}");
    }

    @Test
    void segmentsLongerThan64CharactersBecomeTokens() {
        String longest = "a".repeat(64);

        assertThat(IdNormalizer.normalize("/" + longest)).isEqualTo("/" + longest);
        assertThat(IdNormalizer.normalize("/" + longest + "a/x")).isEqualTo("/{token}/x");
    }

    @Test
    void segmentsBeyondTheSixtyFourthCollapseIntoOneMoreMarker() {
        String sixtyFour = "/a".repeat(64);

        assertThat(IdNormalizer.normalize(sixtyFour)).isEqualTo(sixtyFour);
        assertThat(IdNormalizer.normalize(sixtyFour + "/b")).isEqualTo(sixtyFour + "/{more}");
        assertThat(IdNormalizer.normalize(sixtyFour + "/1".repeat(1_000))).isEqualTo(sixtyFour + "/{more}");
    }

    @Test
    void hundredKilobytePathsAreNormalizedInLinearTime() {
        int size = 100_000;
        String[] paths = {
            "/" + "x".repeat(size),
            "/ab".repeat(size / 3),
            "/".repeat(size),
            "/;".repeat(size / 2),
            "/%41".repeat(size / 4),
            "/%".repeat(size / 2) + "a".repeat(size),
        };

        assertTimeout(Duration.ofSeconds(2), () -> {
            for (String path : paths) {
                assertThat(IdNormalizer.normalize(path)).hasSizeLessThan(64 * 65 + 8);
            }
        });
    }

    @Test
    void outputNeverContainsCharactersOutsideTheMetricAlphabet() {
        String alphabet = "/;%.-_~aZ09fF:|#,@+= \n\r\t\"'<>?&\\{}\u00e9\u0000\u2028";
        Random random = new Random(20240531);

        for (int i = 0; i < 2_000; i++) {
            StringBuilder path = new StringBuilder();
            for (int length = random.nextInt(40); length > 0; length--) {
                path.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(IdNormalizer.normalize(path.toString())).as("normalize(%s)", path).matches(METRIC_ALPHABET);
        }
    }
}
