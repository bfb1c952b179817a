package dev.viewmetrics.core.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RouteTemplatesTest {

    private static RouteTemplates templates(String... templates) {
        return RouteTemplates.of(List.of(templates));
    }

    @Test
    void matchingFromAnOffsetMatchesThePathPastItWithoutCuttingItOut() {
        RouteTemplates templates = RouteTemplates.parse("/, /users/{id}, /users/{id}/orders/{orderId}");

        assertThat(templates.match("/app/users/42", 4)).isSameAs(templates.match("/users/42"));
        assertThat(templates.match("/app/users/42/orders/7;jsessionid=x", 4)).isEqualTo("/users/{id}/orders/{orderId}");
        assertThat(templates.match("/app", 4)).isEqualTo("/");
        assertThat(templates.match("/app/", 4)).isEqualTo("/");
        assertThat(templates.match("/app/users", 4)).isNull();
    }

    @Test
    void literalTemplateMatchesOnlyItsOwnPath() {
        RouteTemplates routes = templates("/login", "/api/health");

        assertThat(routes.match("/login")).isEqualTo("/login");
        assertThat(routes.match("/api/health")).isEqualTo("/api/health");
        assertThat(routes.match("/api")).isNull();
        assertThat(routes.match("/login/extra")).isNull();
        assertThat(routes.match("/logout")).isNull();
    }

    @Test
    void matchReturnsTheDeclaredTemplateInstanceItself() {
        String declared = new String("/users/{id}");
        RouteTemplates routes = RouteTemplates.of(List.of(declared));

        assertThat(routes.match("/users/42")).isSameAs(declared);
        assertThat(routes.match("/users/43")).isSameAs(declared);
    }

    @Test
    void variableMatchesExactlyOneSegment() {
        RouteTemplates routes = templates("/users/{id}");

        assertThat(routes.match("/users/42")).isEqualTo("/users/{id}");
        assertThat(routes.match("/users")).isNull();
        assertThat(routes.match("/users/42/orders")).isNull();
    }

    @Test
    void starMatchesExactlyOneSegment() {
        RouteTemplates routes = templates("/assets/*/logo.png");

        assertThat(routes.match("/assets/v2/logo.png")).isEqualTo("/assets/*/logo.png");
        assertThat(routes.match("/assets/logo.png")).isNull();
        assertThat(routes.match("/assets/a/b/logo.png")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/files/**", "/files/{*path}"})
    void finalRestWildcardMatchesZeroOrMoreSegments(String template) {
        RouteTemplates routes = templates(template);

        assertThat(routes.match("/files")).isEqualTo(template);
        assertThat(routes.match("/files/a")).isEqualTo(template);
        assertThat(routes.match("/files/a/b/c.txt")).isEqualTo(template);
        assertThat(routes.match("/filesystem")).isNull();
    }

    @Test
    void literalSegmentWinsOverVariable() {
        RouteTemplates routes = templates("/users/{id}", "/users/me");

        assertThat(routes.match("/users/me")).isEqualTo("/users/me");
        assertThat(routes.match("/users/42")).isEqualTo("/users/{id}");
    }

    @Test
    void variableWinsOverRestWildcard() {
        RouteTemplates routes = templates("/docs/**", "/docs/{page}");

        assertThat(routes.match("/docs/intro")).isEqualTo("/docs/{page}");
        assertThat(routes.match("/docs")).isEqualTo("/docs/**");
        assertThat(routes.match("/docs/guide/intro")).isEqualTo("/docs/**");
    }

    @Test
    void exactEndWinsOverRestWildcardMatchingNothing() {
        RouteTemplates routes = templates("/docs/**", "/docs");

        assertThat(routes.match("/docs")).isEqualTo("/docs");
        assertThat(routes.match("/docs/x")).isEqualTo("/docs/**");
    }

    @Test
    void precedenceIsDecidedSegmentBySegmentFromTheLeft() {
        RouteTemplates routes = templates("/{tenant}/settings", "/admin/{page}");

        assertThat(routes.match("/admin/settings")).isEqualTo("/admin/{page}");
    }

    @Test
    void failedLiteralBranchBacktracksToVariable() {
        RouteTemplates routes = templates("/a/{x}/c", "/a/b/d");

        assertThat(routes.match("/a/b/c")).isEqualTo("/a/{x}/c");
        assertThat(routes.match("/a/b/d")).isEqualTo("/a/b/d");
    }

    @Test
    void failedBranchesBacktrackToAnEnclosingRestWildcard() {
        RouteTemplates routes = templates("/api/**", "/api/{version}/users/{id}", "/api/v1/users");

        assertThat(routes.match("/api/v1/users/7/avatar")).isEqualTo("/api/**");
        assertThat(routes.match("/api/v1/users/7")).isEqualTo("/api/{version}/users/{id}");
    }

    @Test
    void rootTemplateMatchesEmptyPathAndSlash() {
        RouteTemplates routes = templates("/", "/{page}");

        assertThat(routes.match("")).isEqualTo("/");
        assertThat(routes.match("/")).isEqualTo("/");
        assertThat(routes.match("//")).isEqualTo("/");
        assertThat(routes.match("/about")).isEqualTo("/{page}");
    }

    @Test
    void rootRestWildcardMatchesEverythingElse() {
        RouteTemplates routes = templates("/**", "/health");

        assertThat(routes.match("/health")).isEqualTo("/health");
        assertThat(routes.match("")).isEqualTo("/**");
        assertThat(routes.match("/any/thing")).isEqualTo("/**");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/users/42/", "//users//42", "/users///42//", "users/42"})
    void extraSlashesAreIgnored(String path) {
        assertThat(templates("/users/{id}").match(path)).isEqualTo("/users/{id}");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/users/42;jsessionid=0A1B2C", "/users;jsessionid=0A1B2C/42", "/users;a=1;b=2/42;c=3/",
        "/users/;jsessionid=0A1B2C/42"})
    void matrixParametersAreIgnoredOnEverySegment(String path) {
        assertThat(templates("/users/{id}").match(path)).isEqualTo("/users/{id}");
    }

    @Test
    void percentEscapesAreDecodedBeforeComparingLiterals() {
        RouteTemplates routes = templates("/users/me", "/users/{id}");

        assertThat(routes.match("/%75sers/m%65")).isEqualTo("/users/me");
        assertThat(routes.match("/users/%6D%65")).isEqualTo("/users/me");
    }

    @Test
    void escapedReservedCharactersStayInsideOneSegment() {
        RouteTemplates routes = templates("/files/{name}", "/files/a/b");

        assertThat(routes.match("/files/a%2Fb")).isEqualTo("/files/{name}");
        assertThat(routes.match("/files/caf%C3%A9%20au%20lait")).isEqualTo("/files/{name}");
        assertThat(routes.match("/files/100%")).isEqualTo("/files/{name}");
    }

    @Test
    void literalsAreCaseSensitive() {
        RouteTemplates routes = templates("/Login");

        assertThat(routes.match("/Login")).isEqualTo("/Login");
        assertThat(routes.match("/login")).isNull();
    }

    @Test
    void manyLiteralSiblingsAreAllFound() {
        List<String> declared = IntStream.range(0, 300).mapToObj(i -> "/section" + i).toList();
        RouteTemplates routes = RouteTemplates.of(declared);

        assertThat(declared).allSatisfy(template -> assertThat(routes.match(template)).isEqualTo(template));
        assertThat(routes.match("/section300")).isNull();
    }

    @Test
    void veryLongPathIsMatchedWithoutRecursingPerSegment() {
        String path = "/static" + "/a".repeat(50_000);
        RouteTemplates routes = templates("/static/**", "/static/{a}/{b}");

        assertThat(routes.match(path)).isEqualTo("/static/**");
        assertThat(templates("/static/{a}").match(path)).isNull();
    }

    @Test
    void matchingADeclaredTemplateAllocatesNothing() {
        RouteTemplates routes = templates("/", "/users/{id}", "/users/{id}/orders/{order}", "/users/me", "/files/**");
        String[] paths = {"/users/42/orders/7;jsessionid=1", "/users/me/", "/files/a/b/c", "/users/%6De", ""};

        long bytes = Allocations.steadyStateBytesAllocatedBy(() -> {
            for (String path : paths) {
                if (routes.match(path) == null) {
                    throw new AssertionError(path);
                }
            }
        });

        assertThat(bytes).isZero();
    }

    @Test
    void parseSplitsOnCommasTrimsEntriesAndIgnoresEmptyOnes() {
        RouteTemplates routes = RouteTemplates.parse(" /users/{id} ,, /orders/{id}\t,\n/health , ");

        assertThat(routes.size()).isEqualTo(3);
        assertThat(routes.match("/orders/9")).isEqualTo("/orders/{id}");
        assertThat(routes.match("/health")).isEqualTo("/health");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", " , ,"})
    void parseOfBlankGivesNoTemplates(String blank) {
        assertThat(RouteTemplates.parse(blank).isEmpty()).isTrue();
        assertThat(RouteTemplates.parse(null).isEmpty()).isTrue();
        assertThat(RouteTemplates.parse(blank).match("/")).isNull();
    }

    @Test
    void aTemplateDeclaredTwiceCountsOnce() {
        RouteTemplates routes = templates("/users/{id}", "/users/{id}");

        assertThat(routes.size()).isEqualTo(1);
        assertThat(routes.isEmpty()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', textBlock = """
            /users/{id}, /users/{name}  => '/users/{name}' conflicts with '/users/{id}'
            /users/*,    /users/{id}    => '/users/{id}' conflicts with '/users/*'
            /files/**,   /files/{*path} => '/files/{*path}' conflicts with '/files/**'
            """)
    void templatesMatchingExactlyTheSamePathsConflict(String declared, String message) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RouteTemplates.parse(declared))
                .withMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', textBlock = """
            users/{id}       => it must start with '/'
            /users/          => it must not end with '/'
            /users//{id}     => empty segment
            /users/{id       => unbalanced braces in segment '{id'
            /users/id}       => unbalanced braces in segment 'id}'
            /users/{{id}     => unbalanced braces in segment '{{id}'
            /users/{}        => empty variable name
            /users/{*}       => empty variable name
            /users/x{id}     => a variable must be a whole segment, as in '/{id}', not part of 'x{id}'
            /users/{id}.json => a variable must be a whole segment, as in '/{id}', not part of '{id}.json'
            /users/{a}{b}    => a variable must be a whole segment
            /users/{i d}     => character U+0020 is not allowed in variable name 'i d'
            /**/users        => '**' must be the last segment
            /{*rest}/users   => '{*rest}' must be the last segment
            /files/*.txt     => '*' must be a whole segment
            /a|b             => character '|' is not allowed
            /a#b             => character '#' is not allowed
            /a:b             => character ':' is not allowed
            /caf\u00e9       => character U+00E9 is not allowed
            """)
    void invalidTemplateIsRejectedNamingTheTemplateAndTheProblem(String template, String problem) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RouteTemplates.of(List.of(template)))
                .withMessageStartingWith("invalid route template '" + template + "': ")
                .withMessageContaining(problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a\nb", "/a,b", "/a b", "/a%20b", "/a;b", "/a?b"})
    void controlAndWireFormatCharactersAreRejected(String template) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RouteTemplates.of(List.of(template)))
                .withMessageContaining(template)
                .withMessageContaining("is not allowed");
    }

    @Test
    void toStringListsTheTemplatesInDeclarationOrder() {
        assertThat(templates("/b", "/a/{id}")).hasToString("RouteTemplates[/b, /a/{id}]");
    }
}
