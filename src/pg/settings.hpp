// The contacts_ext.* GUCs (defined in module.cpp, read everywhere else).
#pragma once

namespace contacts::pg {

// contacts_ext.allow_drop_with_data: let DROP EXTENSION drop the contact
// tables even while they hold rows (off by default: DROP EXTENSION refuses).
extern bool allow_drop_with_data;

}  // namespace contacts::pg
