// E-mail messages for the daily digest, written by hand from RFC 5322 (format),
// RFC 2045/2046 (MIME, quoted-printable, multipart) and RFC 2047 (encoded
// words). Only what the digest needs: one sender, one recipient, a UTF-8 text
// body and an optional HTML alternative. The output is deterministic (the
// Message-ID and the boundary are hashes of the input) so that golden tests can
// compare whole messages. Header injection is closed at two places: addresses
// and Message-IDs must be plain ASCII tokens or the message is refused, and any
// free text (names, subject) has its control characters turned into spaces
// before it is written, so it can never end a header line.
#include "core/mime.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <date/date.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string_view>
#include <vector>

namespace tally::core {

namespace {

constexpr size_t k_header_width = 78;  // RFC 5322 2.1.1: lines SHOULD stay within 78
constexpr size_t k_qp_width = 76;      // RFC 2045 6.7 (5), the soft break '=' included
constexpr size_t k_word_width = 75;    // RFC 2047 2: an encoded word is at most 75
constexpr std::string_view k_word_open = "=?UTF-8?B?";
constexpr std::string_view k_word_close = "?=";

enum class Controls { keep, to_space };

// Well-formed UTF-8, since every part we write declares charset=UTF-8: a byte
// that does not start a valid sequence becomes U+FFFD. For one-line header
// text, control characters (C0 with CR and LF, DEL, C1) and the Unicode line
// and paragraph separators become spaces: some readers split on all of them.
std::string clean_utf8(std::string_view s, Controls controls) {
  std::string out;
  out.reserve(s.size());
  for (std::int32_t cp : code_points(s)) {
    bool control =
        cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) || cp == 0x2028 || cp == 0x2029;
    if (controls == Controls::to_space && control) cp = ' ';
    append_utf8(out, cp);
  }
  return out;
}

// Header text on one line, without the spaces at its ends that folding would
// otherwise leave on a line of their own.
std::string one_line(std::string_view s) {
  std::string out = clean_utf8(s, Controls::to_space);
  size_t first = out.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  return out.substr(first, out.find_last_not_of(' ') - first + 1);
}

// RFC 5322 3.2.3 atext.
bool is_atext(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

// RFC 5322 dot-atom-text: atext runs joined by single dots.
bool is_dot_atom(std::string_view s) {
  if (s.empty() || s.front() == '.' || s.back() == '.') return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '.' ? s[i + 1] == '.' : !is_atext(s[i])) return false;
  }
  return true;
}

// Untrusted text for an error message: control bytes shown as \xNN, not obeyed.
std::string shown(std::string_view s) {
  return "'" + escape_control(s) + "'";
}

// Stricter than RFC 5322 on purpose: no quoted local parts, comments or domain
// literals, which no one in a team list needs and which are the usual way to
// smuggle a second recipient or a header into an address.
bool plain_email(std::string_view email) {
  size_t at = email.find('@');
  // The domain's dot-atom test also refuses a second '@'.
  return email.size() <= 254 && at != std::string::npos && is_dot_atom(email.substr(0, at)) &&
         is_dot_atom(email.substr(at + 1));
}

void check_email(const std::string& email, std::string_view field) {
  if (!plain_email(email))
    throw Error("the {} address {} is not a plain e-mail address", field, shown(email))
        .hint("an address such as ivan@example.ru: ASCII, one '@', no spaces, names or brackets");
}

void check_message_id(const std::string& id) {
  size_t at = id.find('@');
  bool ok = id.size() >= 5 && id.size() <= 250 && id.front() == '<' && id.back() == '>' &&
            at != std::string::npos && is_dot_atom(std::string_view(id).substr(1, at - 1)) &&
            is_dot_atom(std::string_view(id).substr(at + 1, id.size() - at - 2));
  if (!ok)
    throw Error("message id {} is not of the form <left@right>", shown(id))
        .hint("leave it empty and tally makes one from the recipient, date and subject");
}

// FNV-1a, 64 bits: the same value on every platform and run, unlike std::hash.
uint64_t fnv1a(std::initializer_list<std::string_view> parts) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (auto part : parts) {
    for (unsigned char c : part) h = (h ^ c) * 0x100000001b3ULL;
    h = (h ^ 0xff) * 0x100000001b3ULL;  // a separator byte that UTF-8 never has
  }
  return h;
}

std::string base64(std::string_view bytes) {
  static constexpr char k_alphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (size_t i = 0; i < bytes.size(); i += 3) {
    uint32_t n = static_cast<uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
    if (i + 1 < bytes.size())
      n |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
    if (i + 2 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 2]);
    out += k_alphabet[n >> 18 & 63];
    out += k_alphabet[n >> 12 & 63];
    out += i + 1 < bytes.size() ? k_alphabet[n >> 6 & 63] : '=';
    out += i + 2 < bytes.size() ? k_alphabet[n & 63] : '=';
  }
  return out;
}

size_t utf8_length(unsigned char lead) {
  return lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
}

// B encoded words of at most `width` characters each. Every word carries whole
// characters, because RFC 2047 6.3 lets a reader decode each word on its own.
// A word ends after a space when one is in its second half: Python's parser
// (3.11) keeps the white space between the encoded words of a display name,
// which RFC 2047 6.2 says to drop, and a doubled space reads better there
// than a space in the middle of a word.
std::vector<std::string> encoded_words(std::string_view utf8, size_t width) {
  size_t payload = (width - k_word_open.size() - k_word_close.size()) / 4 * 3;
  auto word = [](std::string_view bytes) {
    return fmt::format("{}{}{}", k_word_open, base64(bytes), k_word_close);
  };
  std::vector<std::string> words;
  size_t start = 0, after_space = 0;
  for (size_t i = 0; i < utf8.size();) {
    size_t n = std::min(utf8_length(static_cast<unsigned char>(utf8[i])), utf8.size() - i);
    if (i + n - start > payload) {
      size_t end = after_space > start + payload / 2 ? after_space : i;
      words.push_back(word(utf8.substr(start, end - start)));
      start = end;
      continue;
    }
    if (utf8[i] == ' ') after_space = i + 1;
    i += n;
  }
  if (start < utf8.size()) words.push_back(word(utf8.substr(start)));
  return words;
}

// Text a header can carry as it is: printable ASCII that does not look like
// the start of an encoded word.
bool plain_header_text(std::string_view s) {
  for (char c : s)
    if (c < 0x20 || c > 0x7e) return false;
  return s.find("=?") == std::string_view::npos;
}

// Folds plain text that starts at `column` by putting CRLF before a run of
// spaces, so unfolding gives back the text exactly. nullopt when some piece
// has no space to fold at within the width.
std::optional<std::string> fold_plain(std::string_view text, size_t column) {
  std::string out;
  size_t pos = 0;
  while (column + text.size() - pos > k_header_width) {
    size_t fold = std::string_view::npos;
    for (size_t i = pos + 1; i < text.size() && column + i - pos <= k_header_width; ++i)
      if (text[i] == ' ' && text[i - 1] != ' ') fold = i;
    if (fold == std::string_view::npos) return std::nullopt;
    out.append(text.substr(pos, fold - pos)).append("\r\n");
    pos = fold;
    column = 0;
  }
  return out.append(text.substr(pos));
}

// "Name: token token ...", a new line before a token that would cross the width.
std::string header_line(std::string_view name, const std::vector<std::string>& tokens) {
  std::string out(name);
  out += ':';
  size_t column = out.size();
  bool line_has_token = false;
  for (const auto& token : tokens) {
    if (line_has_token && column + 1 + token.size() > k_header_width) {
      out += "\r\n";
      column = 0;
    }
    out += ' ';
    out += token;
    size_t last_break = token.rfind("\r\n");  // a token folded by fold_plain
    column =
        last_break == std::string::npos ? column + 1 + token.size() : token.size() - last_break - 2;
    line_has_token = true;
  }
  return out + "\r\n";
}

// Encoded words short enough that the first one fits after "Name: ".
std::vector<std::string> header_words(std::string_view name, std::string_view text) {
  return encoded_words(text, std::min(k_word_width, k_header_width - name.size() - 2));
}

// A display name as RFC 5322 atoms when it is only atext and spaces, as a
// quoted-string when it has specials ("Petrov, Ivan", "J. Smith"), and as
// encoded words when it is not ASCII or cannot be folded. Runs of spaces become
// one, as readers show a phrase anyway.
std::string address_header(std::string_view field, const Mailbox& box) {
  check_email(box.email, field);
  std::string name;
  for (char c : one_line(box.name))
    if (c != ' ' || (!name.empty() && name.back() != ' ')) name += c;
  std::string address = "<" + box.email + ">";
  if (name.empty()) return header_line(field, {box.email});
  if (plain_header_text(name)) {
    bool atoms = true;
    std::string quoted = "\"";
    for (char c : name) {
      if (c != ' ' && !is_atext(c)) atoms = false;
      if (c == '"' || c == '\\') quoted += '\\';
      quoted += c;
    }
    quoted += '"';
    if (auto folded = fold_plain(atoms ? name : quoted, field.size() + 2))
      return header_line(field, {*folded, address});
  }
  auto tokens = header_words(field, name);
  tokens.push_back(address);
  return header_line(field, tokens);
}

std::string subject_header(std::string_view subject) {
  constexpr std::string_view k_name = "Subject";
  if (subject.empty()) return "Subject:\r\n";
  if (plain_header_text(subject)) {
    if (auto folded = fold_plain(subject, k_name.size() + 2))
      return fmt::format("{}: {}\r\n", k_name, *folded);
  }
  return header_line(k_name, header_words(k_name, subject));
}

// RFC 5322 3.3 date-time in the zone's own offset, with English names.
std::string rfc5322_date(Instant t, const Zone& zone) {
  static constexpr std::string_view k_days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr std::string_view k_months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  LocalTime local = zone.to_local(t);
  LocalDay day = date::floor<date::days>(local);
  date::year_month_day ymd{day};
  date::hh_mm_ss<std::chrono::seconds> hms{local - day};
  auto offset = zone.offset(t).count();
  char sign = offset < 0 ? '-' : '+';
  offset = offset < 0 ? -offset : offset;
  return fmt::format("{}, {:02} {} {:04} {:02}:{:02}:{:02} {}{:02}{:02}",
                     k_days[date::weekday{day}.c_encoding()], static_cast<unsigned>(ymd.day()),
                     k_months[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()),
                     hms.hours().count(), hms.minutes().count(), hms.seconds().count(), sign,
                     offset / 3600, offset % 3600 / 60);
}

// A body ready for quoted-printable: valid UTF-8 that ends with a line break,
// so the last line of the message ends in CRLF like every other one.
std::string body_text(std::string_view s) {
  std::string out = clean_utf8(s, Controls::keep);
  if (!out.empty() && out.back() != '\n') out += '\n';
  return out;
}

constexpr std::string_view k_qp_part_headers = "Content-Transfer-Encoding: quoted-printable\r\n";

}  // namespace

std::string encode_header_words(const std::string& value) {
  std::string text = clean_utf8(value, Controls::to_space);
  if (plain_header_text(text)) return text;
  std::string out;
  for (const auto& word : encoded_words(text, k_word_width)) {
    if (!out.empty()) out += "\r\n ";
    out += word;
  }
  return out;
}

std::string quoted_printable(const std::string& text) {
  std::string out;
  size_t column = 0;
  auto line_break_at = [&](size_t i) {
    return i < text.size() &&
           (text[i] == '\n' || (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n'));
  };
  for (size_t i = 0; i < text.size();) {
    if (line_break_at(i)) {
      out += "\r\n";
      column = 0;
      i += text[i] == '\r' ? 2 : 1;
      continue;
    }
    auto c = static_cast<unsigned char>(text[i]);
    bool last = i + 1 == text.size() || line_break_at(i + 1);
    // RFC 2045 6.7: '=', bytes outside printable ASCII, and a space or tab that
    // ends a line (transports strip those). At the start of a line also '.' and
    // "From ": a lone "." ends an SMTP message and mbox files rewrite "From ".
    auto escaped = [&](bool line_start) {
      if (c == '=' || c > 0x7e || (c < 0x20 && c != '\t')) return true;
      if ((c == ' ' || c == '\t') && last) return true;
      return line_start && (c == '.' || std::string_view(text).substr(i).starts_with("From "));
    };
    size_t width = escaped(column == 0) ? 3 : 1;
    // A character that is not last on its line needs room for the soft break
    // after it; an =XX escape moves whole to the next line.
    if (column + width > (last ? k_qp_width : k_qp_width - 1)) {
      out += "=\r\n";
      column = 0;
      width = escaped(true) ? 3 : 1;
    }
    if (width == 3)
      out += fmt::format("={:02X}", c);
    else
      out += static_cast<char>(c);
    column += width;
    ++i;
  }
  return out;
}

std::string render_message(const MailMessage& m, const Zone& zone) {
  std::string subject = one_line(m.subject);
  std::string id = m.message_id;
  if (id.empty()) {
    auto seconds = std::to_string(m.date.time_since_epoch().count());
    id = fmt::format("<{:016x}@tally>", fnv1a({m.to.email, seconds, subject}));
  }
  check_message_id(id);

  std::string out = "Date: " + rfc5322_date(m.date, zone) + "\r\n";
  out += address_header("From", m.from);
  out += address_header("To", m.to);
  out += subject_header(subject);
  out += "Message-ID: " + id + "\r\n";
  out += "MIME-Version: 1.0\r\n";

  constexpr std::string_view k_trailer = "Auto-Submitted: auto-generated\r\nX-Mailer: tally\r\n";
  std::string text = quoted_printable(body_text(m.text));
  if (!m.html) {
    out += "Content-Type: text/plain; charset=UTF-8\r\n";
    out.append(k_qp_part_headers).append(k_trailer).append("\r\n").append(text);
    return out;
  }

  std::string html = quoted_printable(body_text(*m.html));
  // The boundary cannot occur in either part: it starts with "=_", and in
  // quoted-printable output every '=' is followed by two hex digits or by CRLF,
  // so "=_" never appears there. The hash only keeps the output reproducible.
  std::string boundary = fmt::format("=_tally_{:016x}", fnv1a({text, html}));
  out += fmt::format("Content-Type: multipart/alternative; boundary=\"{}\"\r\n", boundary);
  out.append(k_trailer).append("\r\n");
  // RFC 2046 5.1.1: the CRLF before "--boundary" belongs to the delimiter, so a
  // part's own final line break is kept by writing one more CRLF.
  auto part = [&](std::string_view type, const std::string& body) {
    out += fmt::format("--{}\r\nContent-Type: {}; charset=UTF-8\r\n", boundary, type);
    out.append(k_qp_part_headers).append("\r\n").append(body).append("\r\n");
  };
  part("text/plain", text);
  part("text/html", html);
  out += fmt::format("--{}--\r\n", boundary);
  return out;
}

bool is_plain_email(std::string_view email) {
  return plain_email(email);
}

}  // namespace tally::core
