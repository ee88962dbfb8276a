// RFC 5322 / MIME e-mail messages for the daily digest: UTF-8 text (and
// optionally HTML) bodies, RFC 2047 encoded headers, Date and Message-ID.
// A name or subject with CR or LF can never start a header of its own.
#pragma once

#include "core/dates.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace tally::core {

struct Mailbox {
  std::string name;   // display name, any Unicode ("Иван Петров")
  std::string email;  // addr-spec, ASCII
};

struct MailMessage {
  Mailbox from;
  Mailbox to;
  std::string subject;              // any Unicode, one line (CR/LF are replaced by spaces)
  std::string text;                 // UTF-8 plain text body
  std::optional<std::string> html;  // UTF-8 HTML alternative
  Instant date{};
  std::string message_id;  // "<unique@domain>"; stable for the same input
};

// The message as bytes ready for sendmail or a .eml file: CRLF line ends,
// headers folded under 78 columns, non-ASCII headers as RFC 2047 encoded
// words (UTF-8, B or Q), the body in quoted-printable, multipart/alternative
// when there is HTML. Throws Error when an address is not a plain ASCII addr-spec.
std::string render_message(const MailMessage& m, const Zone& zone);

// Whether render_message takes `email` as an address: a plain ASCII addr-spec
// (dot-atoms around one '@'), what `tally check` asks of mail_from too.
bool is_plain_email(std::string_view email);

// RFC 2047 encoding of a header value (only when it needs it).
std::string encode_header_words(const std::string& value);

// Quoted-printable (RFC 2045) of UTF-8 text with CRLF line ends.
std::string quoted_printable(const std::string& text);

}  // namespace tally::core
