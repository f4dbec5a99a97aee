// The `msg` registry row: one Outlook .msg file (an OLE2 compound document) → one e-mail event.
#pragma once

#include "retro/ingest.hpp"

namespace retro::ingest::email {

// 90 for the OLE2 magic in a file named `*.msg`, 85 for the magic and a MAPI property stream's name in the
// head; 0 otherwise (other OLE2 files, a .doc, stay unknown unless named .msg).
int detect_msg(const Probe& probe);

// Reads the whole input; a damaged file or an OLE2 file that holds no message is one error (`msg.damaged`,
// `msg.not-a-message`, `msg.not-compound`) and no event.
void ingest_msg(Input& input, const IngestContext& context);

}  // namespace retro::ingest::email
