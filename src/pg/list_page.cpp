// One contacts_list page; see list_page.hpp.
#include "pg/list_page.hpp"

#include "pg/boundary.hpp"
#include "pg/call_args.hpp"
#include "pg/call_timeout.hpp"
#include "pg/settings.hpp"

#include <optional>
#include <string>
#include <vector>

namespace contacts::pg {

core::BuildOptions build_options(FunctionCallInfo fcinfo) {
    core::BuildOptions options;
    options.schema_sql = extension_schema_sql(fcinfo);
    options.max_limit = max_limit;
    options.address_rows_hidable = address_rows_hidable(fcinfo);
    options.similarity_threshold = similarity_threshold;
    return options;
}

core::BuiltQuery build_list_call(FunctionCallInfo fcinfo) {
    const std::string filter = filter_arg(fcinfo, 0);
    const std::vector<std::string> sort = sort_arg(fcinfo, 1);
    const std::optional<std::string> cursor = optional_text_arg(fcinfo, 2);
    const int64_t limit = required_int_arg(fcinfo, 3, "limit", false);
    return core::build_list_query(filter, sort, cursor, limit, build_options(fcinfo));
}

void run_list_query(const core::BuiltQuery& q, RowWriter& out) {
    with_call_timeout("contacts_list", [&] {
        pg_call([] {
            if (SPI_connect() != SPI_OK_CONNECT) elog(ERROR, "SPI_connect failed");
        });
        emit_list_rows(q, out);
        pg_call([] { SPI_finish(); });
    });
}

}  // namespace contacts::pg
