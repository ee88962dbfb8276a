#include "core/error.hpp"
#include "core/mime.hpp"
#include "core/text.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

using namespace tally::core;

namespace {

std::string repeat(std::string_view s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

// Split on CRLF; the pieces must hold no other CR or LF.
std::vector<std::string> crlf_lines(const std::string& s) {
  std::vector<std::string> lines;
  size_t pos = 0;
  for (size_t end; (end = s.find("\r\n", pos)) != std::string::npos; pos = end + 2)
    lines.push_back(s.substr(pos, end - pos));
  lines.push_back(s.substr(pos));
  return lines;
}

bool crlf_only(const std::string& s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n' && (i == 0 || s[i - 1] != '\r')) return false;
    if (s[i] == '\r' && (i + 1 == s.size() || s[i + 1] != '\n')) return false;
  }
  return true;
}

std::string base64_decode(std::string_view s) {
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  uint32_t bits = 0;
  int count = 0;
  for (char c : s) {
    if (c == '=') break;
    auto v = alphabet.find(c);
    REQUIRE(v != std::string::npos);
    bits = bits << 6 | static_cast<uint32_t>(v);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += static_cast<char>(bits >> count & 0xff);
    }
  }
  return out;
}

// A strict decoder: an '=' must start a soft break or an upper-case =XX.
std::string qp_decode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '=') {
      out += s[i];
      continue;
    }
    if (s.compare(i + 1, 2, "\r\n") == 0) {
      i += 2;
      continue;
    }
    std::string hex = s.substr(i + 1, 2);
    REQUIRE(hex.find_first_not_of("0123456789ABCDEF") == std::string::npos);
    REQUIRE(hex.size() == 2);
    out += static_cast<char>(std::stoi(hex, nullptr, 16));
    i += 2;
  }
  return out;
}

// The header section of a message, unfolded, as "Name: value" lines.
std::vector<std::string> header_lines(const std::string& message) {
  std::vector<std::string> headers;
  for (const auto& line : crlf_lines(message.substr(0, message.find("\r\n\r\n")))) {
    if (line.starts_with(" ") || line.starts_with("\t"))
      headers.back() += line;
    else
      headers.push_back(line);
  }
  return headers;
}

std::vector<std::string> header_names(const std::string& message) {
  std::vector<std::string> names;
  for (const auto& h : header_lines(message)) names.push_back(h.substr(0, h.find(':')));
  return names;
}

std::string header(const std::string& message, std::string_view name) {
  for (const auto& h : header_lines(message))
    if (h.starts_with(std::string(name) + ": ")) return h.substr(name.size() + 2);
  return "<missing>";
}

// Decodes a header value made only of B encoded words; each must be valid UTF-8 alone.
std::string decode_words(const std::string& value) {
  std::string out;
  for (const auto& word : split(value, ' ')) {
    if (word.empty()) continue;
    REQUIRE(word.starts_with("=?UTF-8?B?"));
    REQUIRE(word.ends_with("?="));
    CHECK(word.size() <= 75);
    std::string bytes = base64_decode(word.substr(10, word.size() - 12));
    CHECK(valid_utf8(bytes));
    out += bytes;
  }
  return out;
}

const Zone& moscow() {
  static const Zone zone = Zone::locate("Europe/Moscow");
  return zone;
}

MailMessage digest() {
  MailMessage m;
  m.from = {"Tally", "tally@example.ru"};
  m.to = {"Иван Петров", "ivan@example.ru"};
  m.subject = "Задачи";
  m.text = "Привет!\nT-4F7K Позвонить клиенту\n";
  m.date = date::sys_days{date::year{2026} / 11 / 27} + std::chrono::hours{5};
  return m;
}

}  // namespace

TEST_CASE("core::quoted_printable") {
  SUBCASE("non-ASCII bytes and '=' as upper-case =XX") {
    CHECK(quoted_printable("Иван") == "=D0=98=D0=B2=D0=B0=D0=BD");
    CHECK(quoted_printable("a=b") == "a=3Db");
    CHECK(quoted_printable("tab\there, x y") == "tab\there, x y");
    CHECK(quoted_printable("bell\a") == "bell=07");
  }
  SUBCASE("line breaks become CRLF; a lone CR is data") {
    CHECK(quoted_printable("a\nb\r\nc\n") == "a\r\nb\r\nc\r\n");
    CHECK(quoted_printable("a\rb") == "a=0Db");
    CHECK(quoted_printable("\n\n") == "\r\n\r\n");
  }
  SUBCASE("spaces and tabs that end a line") {
    CHECK(quoted_printable("a \nb\t\r\nc  ") == "a=20\r\nb=09\r\nc =20");
  }
  SUBCASE("a line starting with '.' or \"From \"") {
    CHECK(quoted_printable(".\nx.y\n") == "=2E\r\nx.y\r\n");
    CHECK(quoted_printable("From here\nFromage") == "=46rom here\r\nFromage");
  }
  SUBCASE("soft breaks keep lines within 76") {
    CHECK(quoted_printable(std::string(76, 'a')) == std::string(76, 'a'));
    CHECK(quoted_printable(std::string(77, 'a')) ==
          std::string(75, 'a') + "=\r\n" + std::string(2, 'a'));
    CHECK(quoted_printable(std::string(100, 'a') + "\n") ==
          std::string(75, 'a') + "=\r\n" + std::string(25, 'a') + "\r\n");
    // 74 + "=D0" would need 77 columns with the soft break: the escape moves whole.
    CHECK(quoted_printable(std::string(74, 'a') + "Ж") == std::string(74, 'a') + "=\r\n=D0=96");
    // The trailing space escape is the last thing on its line and may end at column 76.
    CHECK(quoted_printable(std::string(73, 'a') + " ") == std::string(73, 'a') + "=20");
  }
  SUBCASE("long mixed text: lines within 76, CRLF only, decodes back") {
    std::string text = repeat("Позвонить клиенту = ООО «Ромашка» 😀 ", 20) + "\n" +
                       repeat("x", 300) + "   \n.leading dot\r\nend";
    std::string qp = quoted_printable(text);
    CHECK(crlf_only(qp));
    for (const auto& line : crlf_lines(qp)) {
      CHECK(line.size() <= 76);
      CHECK(line.find_first_not_of(" \t") != std::string::npos);  // no blank-looking line
      CHECK_FALSE(line.ends_with(" "));
    }
    std::string expected = text;
    expected.replace(expected.find("   \n"), 4, "   \r\n");
    expected.replace(expected.find("\n"), 1, "\r\n");
    CHECK(qp_decode(qp) == expected);
    CHECK(qp.find("=_") == std::string::npos);
  }
}

TEST_CASE("core::encode_header_words") {
  SUBCASE("printable ASCII stays as it is") {
    CHECK(encode_header_words("Daily digest: 3 tasks") == "Daily digest: 3 tasks");
    CHECK(encode_header_words("") == "");
  }
  SUBCASE("Cyrillic as UTF-8 B words") {
    CHECK(encode_header_words("Задачи") == "=?UTF-8?B?0JfQsNC00LDRh9C4?=");
    CHECK(encode_header_words("Иван Петров") == "=?UTF-8?B?0JjQstCw0L0g0J/QtdGC0YDQvtCy?=");
  }
  SUBCASE("ASCII that looks like an encoded word is encoded") {
    CHECK(encode_header_words("=?x?=") == "=?UTF-8?B?PT94Pz0=?=");
  }
  SUBCASE("control characters become spaces") {
    CHECK(encode_header_words("a\r\nBcc: x@y") == "a  Bcc: x@y");
    CHECK(decode_words(encode_header_words("Задачи\nBcc: x@y")) == "Задачи Bcc: x@y");
  }
  SUBCASE("long values: words of at most 75, folded, characters never split") {
    // 2-, 3- and 4-byte characters so that a cut inside one would show.
    std::string value = repeat("Ж€😀a", 40) + repeat("Я", 120);
    std::string encoded = encode_header_words(value);
    CHECK(crlf_only(encoded));
    auto lines = crlf_lines(encoded);
    CHECK(lines.size() > 5);
    for (size_t i = 0; i < lines.size(); ++i) {
      if (i > 0) CHECK(lines[i].starts_with(" "));
      CHECK(lines[i].size() <= 76);
    }
    std::string unfolded;
    for (const auto& line : lines) unfolded += line + " ";
    CHECK(decode_words(unfolded) == value);
  }
  SUBCASE("long text with spaces: words end after a space") {
    std::string value = repeat("Задачи на пятницу ", 6) + "итого";
    auto lines = crlf_lines(encode_header_words(value));
    REQUIRE(lines.size() > 2);
    for (size_t i = 0; i + 1 < lines.size(); ++i) CHECK(decode_words(lines[i]).ends_with(" "));
    std::string unfolded;
    for (const auto& line : lines) unfolded += line;
    CHECK(decode_words(unfolded) == value);
  }
}

TEST_CASE("core::render_message") {
  SUBCASE("headers in order, exact values") {
    std::string msg = render_message(digest(), moscow());
    CHECK(header_names(msg) == std::vector<std::string>{"Date", "From", "To", "Subject",
                                                        "Message-ID", "MIME-Version",
                                                        "Content-Type", "Content-Transfer-Encoding",
                                                        "Auto-Submitted", "X-Mailer"});
    CHECK(header(msg, "Date") == "Fri, 27 Nov 2026 08:00:00 +0300");
    CHECK(header(msg, "From") == "Tally <tally@example.ru>");
    CHECK(header(msg, "To") == "=?UTF-8?B?0JjQstCw0L0g0J/QtdGC0YDQvtCy?= <ivan@example.ru>");
    CHECK(header(msg, "Subject") == "=?UTF-8?B?0JfQsNC00LDRh9C4?=");
    CHECK(header(msg, "MIME-Version") == "1.0");
    CHECK(header(msg, "Content-Type") == "text/plain; charset=UTF-8");
    CHECK(header(msg, "Content-Transfer-Encoding") == "quoted-printable");
    CHECK(header(msg, "Auto-Submitted") == "auto-generated");
    CHECK(header(msg, "X-Mailer") == "tally");
    std::string body = msg.substr(msg.find("\r\n\r\n") + 4);
    CHECK(qp_decode(body) == "Привет!\r\nT-4F7K Позвонить клиенту\r\n");
    CHECK(crlf_only(msg));
  }
  SUBCASE("the date in the zone's offset") {
    auto m = digest();
    CHECK(header(render_message(m, Zone::locate("America/New_York")), "Date") ==
          "Fri, 27 Nov 2026 00:00:00 -0500");
    m.date = date::sys_days{date::year{2026} / 3 / 1} + std::chrono::minutes{30};
    CHECK(header(render_message(m, Zone::locate("Asia/Kolkata")), "Date") ==
          "Sun, 01 Mar 2026 06:00:00 +0530");
  }
  SUBCASE("display names") {
    auto m = digest();
    m.to = {"", "anna@example.ru"};
    CHECK(header(render_message(m, moscow()), "To") == "anna@example.ru");
    m.to = {"Petrov, Ivan", "ivan@example.ru"};
    CHECK(header(render_message(m, moscow()), "To") == "\"Petrov, Ivan\" <ivan@example.ru>");
    m.to = {"  Ivan   Petrov ", "ivan@example.ru"};
    CHECK(header(render_message(m, moscow()), "To") == "Ivan Petrov <ivan@example.ru>");
    m.to = {"Ivan \"the\" P.", "ivan@example.ru"};
    CHECK(header(render_message(m, moscow()), "To") == "\"Ivan \\\"the\\\" P.\" <ivan@example.ru>");
  }
  SUBCASE("a long Cyrillic subject folds under 78 columns and decodes back") {
    auto m = digest();
    for (std::string subject : {repeat("Задачи на пятницу ", 7) + "итого", repeat("Задачи", 20)}) {
      m.subject = subject;
      std::string msg = render_message(m, moscow());
      for (const auto& line : crlf_lines(msg.substr(0, msg.find("\r\n\r\n"))))
        CHECK(line.size() <= 78);
      CHECK(decode_words(header(msg, "Subject")) == m.subject);
    }
  }
  SUBCASE("a long ASCII subject folds at its spaces") {
    auto m = digest();
    m.subject = repeat("Daily digest ", 10) + "end";
    std::string msg = render_message(m, moscow());
    CHECK(msg.find("Subject: Daily digest") != std::string::npos);
    for (const auto& line : crlf_lines(msg.substr(0, msg.find("\r\n\r\n"))))
      CHECK(line.size() <= 78);
    CHECK(header(msg, "Subject") == m.subject);  // unfolding removes only the CRLF
  }
  SUBCASE("header injection through the subject or a name") {
    auto m = digest();
    m.subject = "Задачи\r\nBcc: evil@x.ru";
    m.from.name = "Tally\nBcc: evil@x.ru";
    m.to.name = "Иван\r\n\r\nbody";
    std::string msg = render_message(m, moscow());
    CHECK(crlf_only(msg));
    CHECK(header_names(msg).size() == 10);
    CHECK(msg.find("\r\nBcc") == std::string::npos);
    CHECK(decode_words(header(msg, "Subject")) == "Задачи  Bcc: evil@x.ru");
    CHECK(header(msg, "From") == "\"Tally Bcc: evil@x.ru\" <tally@example.ru>");
  }
  SUBCASE("addresses that are not a plain addr-spec are refused") {
    for (std::string bad :
         {"a@b.ru\r\nBcc: x@y", "a@b.ru\nBcc: x@y", "ivan", "a@@b.ru", "a@b@c.ru", "a b@c.ru",
          "<a@b.ru>", "a@b.ru, c@d.ru", "a@b.ru;", "\"a\"@b.ru", "Иван@пример.рф", "", "@b.ru",
          "a@", ".a@b.ru", "a..b@c.ru", "a@b.ru.", "a\t@b.ru"}) {
      CAPTURE(bad);
      auto m = digest();
      m.to.email = bad;
      CHECK_THROWS_AS(render_message(m, moscow()), Error);
      m = digest();
      m.from.email = bad;
      CHECK_THROWS_AS(render_message(m, moscow()), Error);
    }
    auto m = digest();
    m.to.email = "a@b.ru\r\nBcc: x@y";
    try {
      render_message(m, moscow());
      FAIL("no error");
    } catch (const Error& e) {
      // The message names the field and shows the control bytes instead of obeying them.
      CHECK(std::string(e.what()) ==
            "the To address 'a@b.ru\\x0d\\x0aBcc: x@y' is not a plain e-mail address");
    }
    m.to.email = "ivan.petrov+tally@mail.example.ru";
    CHECK_NOTHROW(render_message(m, moscow()));
  }
  SUBCASE("Message-ID: made stable from recipient, date and subject, or the caller's") {
    auto m = digest();
    std::string id = header(render_message(m, moscow()), "Message-ID");
    CHECK(id.starts_with("<"));
    CHECK(id.ends_with("@tally>"));
    CHECK(id.size() == 1 + 16 + 7);
    CHECK(header(render_message(m, moscow()), "Message-ID") == id);
    m.subject = "Задачи на завтра";
    CHECK(header(render_message(m, moscow()), "Message-ID") != id);
    m.message_id = "<digest.2026-11-27.ivan@sales.example.ru>";
    CHECK(header(render_message(m, moscow()), "Message-ID") == m.message_id);
    m.message_id = "<x@y>\r\nBcc: evil@x.ru";
    CHECK_THROWS_AS(render_message(m, moscow()), Error);
  }
  SUBCASE("with HTML: multipart/alternative, text then html, a boundary absent from the parts") {
    auto m = digest();
    m.html = "<p>Привет!</p>\n<!-- --=_tally_0 -->";
    std::string msg = render_message(m, moscow());
    CHECK(crlf_only(msg));
    CHECK(header(msg, "Content-Transfer-Encoding") == "<missing>");
    std::string type = header(msg, "Content-Type");
    REQUIRE(type.starts_with("multipart/alternative; boundary=\"=_tally_"));
    std::string boundary = type.substr(type.find('"') + 1);
    boundary.pop_back();
    CHECK(boundary.size() <= 70);
    std::string body = msg.substr(msg.find("\r\n\r\n") + 4);
    std::string open = "--" + boundary + "\r\n";
    std::string close = "\r\n--" + boundary + "--\r\n";
    REQUIRE(body.starts_with(open));
    REQUIRE(body.ends_with(close));
    size_t second = body.find("\r\n" + open);
    REQUIRE(second != std::string::npos);
    CHECK(body.find(boundary, second + 4 + boundary.size()) == body.size() - close.size() + 4);
    std::string text_part = body.substr(open.size(), second - open.size());
    std::string html_part = body.substr(second + 2 + open.size(),
                                        body.size() - close.size() - second - 2 - open.size());
    auto part_body = [](const std::string& part) { return part.substr(part.find("\r\n\r\n") + 4); };
    CHECK(
        text_part.starts_with("Content-Type: text/plain; charset=UTF-8\r\n"
                              "Content-Transfer-Encoding: quoted-printable\r\n\r\n"));
    CHECK(
        html_part.starts_with("Content-Type: text/html; charset=UTF-8\r\n"
                              "Content-Transfer-Encoding: quoted-printable\r\n\r\n"));
    CHECK(qp_decode(part_body(text_part)) == "Привет!\r\nT-4F7K Позвонить клиенту\r\n");
    CHECK(qp_decode(part_body(html_part)) == "<p>Привет!</p>\r\n<!-- --=_tally_0 -->\r\n");
    CHECK(render_message(m, moscow()) == msg);  // reproducible for golden tests
  }
  SUBCASE("body lines within 76 and CRLF, header lines within 78") {
    auto m = digest();
    m.text = repeat("Ж", 300) + "   \n" + repeat("long line ", 40);
    m.html = repeat("<b>Ж</b>", 100);
    std::string msg = render_message(m, moscow());
    CHECK(crlf_only(msg));
    CHECK(msg.ends_with("\r\n"));
    size_t blank = msg.find("\r\n\r\n");
    for (const auto& line : crlf_lines(msg.substr(0, blank))) CHECK(line.size() <= 78);
    for (const auto& line : crlf_lines(msg.substr(blank + 4))) CHECK(line.size() <= 76);
  }
}
