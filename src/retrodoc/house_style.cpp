// The acronym list: capitals in the published retros' timelines that are words, not initials.
#include "retrodoc/house_style.hpp"

#include <algorithm>
#include <array>

namespace retro::retrodoc {

bool is_common_acronym(std::string_view word) {
    static constexpr std::array<std::string_view, 24> words = {"API", "AWS", "CDN", "DNS", "ES",  "FE",  "UI", "URL",
                                                               "SSL", "TLS", "VPN", "ECS", "SNS", "SQS", "TF", "CPU",
                                                               "ALB", "ELB", "IAM", "SES", "DB",  "PR",  "IP", "OK"};
    return std::find(words.begin(), words.end(), word) != words.end();
}

}  // namespace retro::retrodoc
