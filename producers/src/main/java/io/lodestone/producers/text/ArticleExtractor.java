package io.lodestone.producers.text;

import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Extracts the readable article from a web page with jsoup: metadata (title, canonical URL, publication
 * time, language, description) and the main text, without scripts, navigation, headers, footers,
 * sidebars, share bars and other boilerplate. The main text is the {@code <article>} (or
 * {@code itemprop=articleBody}, {@code <main>}) element's paragraphs, or else the block holding the most
 * paragraph text; paragraphs are separated by blank lines.
 */
public final class ArticleExtractor {
  /** Elements that never hold article text. */
  private static final String NOISE = "script, style, noscript, iframe, svg, canvas, form, nav, header, footer, aside, "
      + "button, select, template, figure figcaption, [role=navigation], [role=banner], [role=contentinfo], "
      + "[aria-hidden=true], [hidden]";
  /** Class or id fragments of boilerplate blocks. */
  private static final Pattern BOILERPLATE = Pattern.compile(
      "(?i)(^|[-_ ])(nav|navbar|menu|breadcrumbs?|footer|sidebar|comments?|share|sharing|social|related|promo|advert|ads?|"
          + "cookie|consent|newsletter|subscribe|paywall|popup|modal)($|[-_ ])");
  private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "li", "ul", "ol", "h1", "h2",
      "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr", "dl", "dt", "dd", "header", "footer", "br", "hr");
  private static final int MIN_MAIN_TEXT = 200;

  private ArticleExtractor() {}

  /** What a page says about itself, and its main text (empty when it has none). */
  public record Article(String title, String text, String canonicalUrl, String publishedAt, String language,
      String description) {}

  public static Article extract(String html, String baseUri) {
    return extract(Jsoup.parse(html, baseUri == null ? "" : baseUri));
  }

  /** Extracts from a parsed page; the document is modified (boilerplate removed). */
  public static Article extract(Document doc) {
    String title = firstNonBlank(meta(doc, "meta[property=og:title]"), doc.title(), doc.select("h1").text());
    String canonical = firstNonBlank(doc.select("link[rel=canonical]").attr("abs:href"), meta(doc, "meta[property=og:url]"));
    String published = firstNonBlank(meta(doc, "meta[property=article:published_time]"), meta(doc, "meta[name=date]"),
        meta(doc, "meta[itemprop=datePublished]"), doc.select("time[datetime]").attr("datetime"));
    String description = firstNonBlank(meta(doc, "meta[name=description]"), meta(doc, "meta[property=og:description]"));
    String language = doc.select("html").attr("lang");
    removeBoilerplate(doc);
    return new Article(title, mainText(doc), canonical.isEmpty() ? null : canonical, published.isEmpty() ? null : published,
        language.isEmpty() ? null : language, description.isEmpty() ? null : description);
  }

  /** Plain text of an HTML fragment (a feed description): tags gone, entities decoded, paragraphs kept. */
  public static String fragmentToText(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
      return html.strip();
    }
    Document doc = Jsoup.parseBodyFragment(html);
    doc.select("script, style, noscript, iframe").remove();
    return text(doc.body());
  }

  private static void removeBoilerplate(Document doc) {
    doc.select(NOISE).remove();
    for (Element element : doc.body().select("[class], [id]")) {
      if (element.parent() != null && element != doc.body() && !element.tagName().equals("article")
          && (BOILERPLATE.matcher(element.className()).find() || BOILERPLATE.matcher(element.id()).find())) {
        element.remove();
      }
    }
  }

  private static String mainText(Document doc) {
    Element root = Optional.ofNullable(largest(doc.select("article")))
        .or(() -> Optional.ofNullable(doc.selectFirst("[itemprop=articleBody]")))
        .or(() -> Optional.ofNullable(doc.selectFirst("main, [role=main]")))
        .orElse(doc.body());
    Element densest = densestParagraphBlock(root);
    String text = densest == null ? "" : text(densest);
    if (text.length() < MIN_MAIN_TEXT) {
      text = text(root);
    }
    return text;
  }

  private static Element largest(Elements elements) {
    return elements.stream().max(Comparator.comparingInt(e -> e.text().length())).orElse(null);
  }

  /** The element whose direct {@code <p>} children hold the most text. */
  private static Element densestParagraphBlock(Element root) {
    Element best = null;
    int bestLength = 0;
    for (Element candidate : root.select("*")) {
      int length = 0;
      for (Element child : candidate.children()) {
        if (child.tagName().equals("p")) {
          length += child.text().length();
        }
      }
      if (length > bestLength) {
        best = candidate;
        bestLength = length;
      }
    }
    return best;
  }

  /** Text with blank lines between blocks and single spaces within them. */
  static String text(Element element) {
    StringBuilder out = new StringBuilder();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode text) {
          String value = text.text();
          if (!value.isBlank()) {
            if (out.length() > 0 && !Character.isWhitespace(out.charAt(out.length() - 1))
                && Character.isWhitespace(value.charAt(0))) {
              out.append(' ');
            }
            out.append(value.strip());
            if (Character.isWhitespace(value.charAt(value.length() - 1))) {
              out.append(' ');
            }
          }
        } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
          breakParagraph(out);
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
          breakParagraph(out);
        }
      }
    }, element);
    return out.toString().replaceAll("[ \\t\\x0B\\f\\r]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
  }

  private static void breakParagraph(StringBuilder out) {
    int length = out.length();
    if (length == 0 || length >= 2 && out.charAt(length - 1) == '\n' && out.charAt(length - 2) == '\n') {
      return;
    }
    out.append(out.charAt(length - 1) == '\n' ? "\n" : "\n\n");
  }

  private static String meta(Document doc, String selector) {
    return doc.select(selector).attr("content");
  }

  private static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return "";
  }
}
