// OutputFile: what is buffered and what is written gathered (writev, up to 1,024 pieces a call) come out
// whole and in order.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/output_file.hpp"
#include "temp_folder.hpp"

using namespace retro;

TEST_CASE("gathered pieces follow the buffered text, in order, across many writev calls", "[output-file]") {
    test::TempFolder folder;
    const std::string path = (folder.root / "out.ndjson").string();
    std::vector<std::string> texts;
    for (int i = 0; i < 3000; ++i) texts.push_back(i % 7 == 0 ? "" : std::to_string(i) + "\n");
    texts.push_back(std::string(300000, 'x'));  // a piece larger than a pipe's buffer
    std::vector<std::string_view> pieces(texts.begin(), texts.end());
    std::string expected = "head\n";
    for (const std::string& t : texts) expected += t;

    cli::OutputFile out(cli::OutputRequest{path, false, {}});
    out.write("head\n");
    out.write_gathered(pieces);
    out.write_gathered({});
    out.close();
    std::ifstream in(path, std::ios::binary);
    std::stringstream read;
    read << in.rdbuf();
    CHECK(read.str() == expected);
}
