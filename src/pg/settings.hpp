// The contacts_ext.* GUCs (defined in module.cpp, read everywhere else).
#pragma once

namespace contacts::pg {

// contacts_ext.allow_drop_with_data: let DROP EXTENSION drop the contact
// tables even while they hold rows (off by default: DROP EXTENSION refuses).
extern bool allow_drop_with_data;

// contacts_ext.max_limit: the largest |limit| contacts_list accepts.
extern int max_limit;

// contacts_ext.count_exact_threshold: contacts_count(mode => 'estimated')
// counts exactly when the planner expects at most this many rows.
extern int count_exact_threshold;

// contacts_ext.list_timeout (ms): bounds each contacts_list/contacts_count
// call on its own; 0 turns it off.
extern int list_timeout_ms;

// contacts_ext.similarity_threshold: the trigram similarity at or above
// which a %~ b holds (and trigram_similar matches).
extern double similarity_threshold;

// contacts_ext.list_scan: plan contacts_list in FROM as a ContactsList scan (list_scan.hpp).
extern bool list_scan_enabled;

}  // namespace contacts::pg
