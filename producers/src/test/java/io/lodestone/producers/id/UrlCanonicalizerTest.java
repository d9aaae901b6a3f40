package io.lodestone.producers.id;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlCanonicalizerTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      HTTPS://Example.COM/News/Story                         | https://example.com/News/Story
      https://example.com                                    | https://example.com/
      https://example.com?b=2                                | https://example.com/?b=2
      http://example.com:80/a                                | http://example.com/a
      https://example.com:443/a                              | https://example.com/a
      https://example.com:8443/a                             | https://example.com:8443/a
      http://example.com:443/a                               | http://example.com:443/a
      https://example.com/a#section-2                        | https://example.com/a
      https://user:secret@example.com/a                      | https://example.com/a
      https://example.com./a                                 | https://example.com/a
      https://example.com/a?utm_source=x&utm_Medium=y&id=7   | https://example.com/a?id=7
      https://example.com/a?fbclid=abc&gclid=def             | https://example.com/a
      https://example.com/a?UTM_CAMPAIGN=z&b=1               | https://example.com/a?b=1
      https://example.com/a?z=1&a=2&m=3                      | https://example.com/a?a=2&m=3&z=1
      https://example.com/a?b=2&a=1&b=1                      | https://example.com/a?a=1&b=1&b=2
      https://example.com/a?                                 | https://example.com/a
      https://example.com/a?&&x=1&                           | https://example.com/a?x=1
      https://example.com/%7euser/%41bc                      | https://example.com/~user/Abc
      https://example.com/a%2fb%c3%a9                        | https://example.com/a%2Fb%C3%A9
      https://example.com/caf%C3%A9                          | https://example.com/caf%C3%A9
      https://example.com/café                               | https://example.com/caf%C3%A9
      https://example.com/a b                                | https://example.com/a%20b
      https://example.com/100%                               | https://example.com/100%25
      https://example.com/list[1]                            | https://example.com/list%5B1%5D
      https://example.com/a/./b/../c                         | https://example.com/a/c
      https://example.com/a/%2E%2E/c                         | https://example.com/c
      https://example.com/a/                                 | https://example.com/a/
      https://bücher.example/buch                            | https://xn--bcher-kva.example/buch
      https://B%C3%BCcher.example/buch                       | https://xn--bcher-kva.example/buch
      https://[2001:DB8::1]:443/a                            | https://[2001:db8::1]/a
      """)
  void canonicalizes(String url, String canonical) {
    assertThat(UrlCanonicalizer.canonicalize(url)).contains(canonical);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://example.com/a", "mailto:a@example.com", "/relative/path", "example.com/a", "https:///nohost",
      "javascript:alert(1)", "", "   "})
  void refusesWhatIsNotAnAbsoluteHttpUrl(String url) {
    assertThat(UrlCanonicalizer.canonicalize(url)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      https://Example.com/a?utm_source=rss#top | http://example.com:80/a?x | https://example.com/a
      https://example.com/a?b=1&a=2            | https://EXAMPLE.com:443/a?a=2&b=1&gclid=z | -
      """)
  void sameArticleSameId(String first, String second, String third) {
    if (third.equals("-")) {
      assertThat(ReportIds.fromCanonicalUrl(UrlCanonicalizer.canonicalize(first).orElseThrow()))
          .isEqualTo(ReportIds.fromCanonicalUrl(UrlCanonicalizer.canonicalize(second).orElseThrow()));
    } else {
      assertThat(UrlCanonicalizer.canonicalize(first)).isEqualTo(UrlCanonicalizer.canonicalize(third));
      assertThat(UrlCanonicalizer.canonicalize(second)).isNotEqualTo(UrlCanonicalizer.canonicalize(third));
    }
  }
}
