package io.lodestone.streams.normalize;

import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns HTML into plain text with one line per block element (paragraph, heading, list item, table
 * row, line break). Scripts, styles and page chrome (navigation, footers, forms) are dropped; jsoup
 * decodes character entities. Only text with real HTML tags is parsed: newswire uses angle brackets
 * for company names and tickers ("&lt;Cambior Inc&gt;", "&lt;CDL&gt;"), which must survive.
 */
final class HtmlText {
  private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "template", "iframe", "svg",
      "nav", "footer", "aside", "form", "button", "select", "title", "meta", "link");
  private static final Set<String> TAGS = Set.of("a", "abbr", "article", "aside", "b", "blockquote", "body", "br",
      "button", "caption", "center", "cite", "code", "dd", "div", "dl", "dt", "em", "figcaption", "figure", "font",
      "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "i", "iframe", "img",
      "input", "label", "li", "link", "main", "meta", "nav", "noscript", "ol", "option", "p", "picture", "pre", "q",
      "s", "script", "section", "select", "small", "source", "span", "strong", "style", "sub", "sup", "svg",
      "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "u", "ul",
      "video", "wbr");

  private HtmlText() {}

  /** True when the text has an HTML tag ({@code <p>}, {@code </div>}, {@code <br/>}) or comment/doctype. */
  static boolean hasTags(String text) {
    for (int i = text.indexOf('<'); i >= 0 && i + 1 < text.length(); i = text.indexOf('<', i + 1)) {
      int from = text.charAt(i + 1) == '/' ? i + 2 : i + 1;
      if (from < text.length() && text.charAt(from) == '!') {
        return true;
      }
      int to = from;
      while (to < text.length() && Character.isLetterOrDigit(text.charAt(to)) && to - from < 12) {
        to++;
      }
      boolean closed = to < text.length() && (text.charAt(to) == '>' || text.charAt(to) == '/' || Character.isWhitespace(text.charAt(to)));
      if (to > from && closed && TAGS.contains(text.substring(from, to).toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** True when the text has a character entity ({@code &amp;}, {@code &#8217;}, {@code &nbsp;}). */
  static boolean hasEntities(String text) {
    for (int i = text.indexOf('&'); i >= 0; i = text.indexOf('&', i + 1)) {
      int semicolon = text.indexOf(';', i);
      if (semicolon > i + 1 && semicolon - i <= 10 && isEntityName(text, i + 1, semicolon)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isEntityName(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (!(Character.isLetterOrDigit(c) || (c == '#' && i == from))) {
        return false;
      }
    }
    return true;
  }

  /** Plain text with its character entities decoded. */
  static String unescape(String text) {
    return Parser.unescapeEntities(text, false);
  }

  /** The text of an HTML fragment or page, blocks separated by newlines (whitespace not yet collapsed). */
  static String toText(String html) {
    Document document = Jsoup.parseBodyFragment(html);
    document.select(String.join(",", DROPPED)).remove();
    StringBuilder out = new StringBuilder(html.length());
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode text) {
          out.append(text.getWholeText());
        } else if (node instanceof Element element && (element.isBlock() || element.nameIs("br"))) {
          out.append('\n');
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element element && element.isBlock()) {
          out.append('\n');
        }
      }
    }, document.body());
    return out.toString();
  }
}
