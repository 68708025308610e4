// The demo book generator. Everything is derived from the seed with our own xoshiro256**
// generator and integer arithmetic, so a seed gives byte-identical files on every platform.
#include "demo/demo_book.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <ostream>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace overdue::demo {
namespace {

__extension__ typedef __int128 Int128;
__extension__ typedef unsigned __int128 Uint128;

using Names = std::span<const std::string_view>;

// ---------------------------------------------------------------------------------------------
// Random numbers: splitmix64 seeds xoshiro256**; no std distributions (implementation-defined).

uint64_t splitmix64(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

class Rng {
 public:
  explicit Rng(uint64_t seed) {
    for (uint64_t& word : state_) word = splitmix64(seed);
  }

  uint64_t next() {
    const uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

  // Uniform in [0, n) for n > 0 (Lemire's multiply-shift with rejection, so unbiased).
  uint64_t below(uint64_t n) {
    Uint128 m = static_cast<Uint128>(next()) * n;
    uint64_t low = static_cast<uint64_t>(m);
    if (low < n) {
      const uint64_t threshold = (0 - n) % n;
      while (low < threshold) {
        m = static_cast<Uint128>(next()) * n;
        low = static_cast<uint64_t>(m);
      }
    }
    return static_cast<uint64_t>(m >> 64);
  }

  // Uniform in [lo, hi], lo <= hi.
  int64_t range(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(below(static_cast<uint64_t>(hi - lo) + 1));
  }

  bool chance(int percent) { return below(100) < static_cast<uint64_t>(percent); }

  template <typename T>
  const T& pick(std::span<const T> items) {
    return items[below(items.size())];
  }

  // An index drawn with the given integer weights.
  size_t weighted(std::span<const int> weights) {
    int total = 0;
    for (int w : weights) total += w;
    int r = static_cast<int>(below(static_cast<uint64_t>(total)));
    for (size_t i = 0; i < weights.size(); ++i) {
      if (r < weights[i]) return i;
      r -= weights[i];
    }
    return weights.size() - 1;
  }

 private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::array<uint64_t, 4> state_{};
};

// ---------------------------------------------------------------------------------------------
// Civil dates as day numbers since 1970-01-01 (H. Hinnant's algorithms).

int days_from_civil(int y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Ymd {
  int year, month, day;
};

Ymd civil_from_days(int z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp < 10 ? mp + 3 : mp - 9;
  return {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

int end_of_month(int day) {
  const Ymd ymd = civil_from_days(day);
  return ymd.month == 12 ? days_from_civil(ymd.year + 1, 1, 1) - 1
                         : days_from_civil(ymd.year, ymd.month + 1, 1) - 1;
}

// Parses a strict YYYY-MM-DD date; throws std::invalid_argument otherwise.
int parse_iso_date(std::string_view text) {
  auto bad = [&]() {
    return std::invalid_argument("demo book: as_of '" + std::string(text) +
                                 "' is not an ISO date (YYYY-MM-DD)");
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') throw bad();
  auto number = [&](size_t from, size_t count) {
    int value = 0;
    for (size_t i = from; i < from + count; ++i) {
      if (text[i] < '0' || text[i] > '9') throw bad();
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  const int y = number(0, 4), m = number(5, 2), d = number(8, 2);
  if (m < 1 || m > 12 || d < 1 || d > 31) throw bad();
  const int day = days_from_civil(y, m, d);
  const Ymd back = civil_from_days(day);
  if (back.year != y || back.month != m || back.day != d) throw bad();
  return day;
}

// ---------------------------------------------------------------------------------------------
// Output: a buffer per file, handed to the stream in large chunks.

using Buffer = fmt::memory_buffer;

void append(Buffer& out, std::string_view text) {
  out.append(text.data(), text.data() + text.size());
}

void append_padded(Buffer& out, int64_t value, int width) {
  char digits[24];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value > 0);
  for (int i = n; i < width; ++i) out.push_back('0');
  while (n > 0) out.push_back(digits[--n]);
}

void append_date(Buffer& out, int day) {
  const Ymd ymd = civil_from_days(day);
  append_padded(out, ymd.year, 4);
  out.push_back('-');
  append_padded(out, ymd.month, 2);
  out.push_back('-');
  append_padded(out, ymd.day, 2);
}

// A CSV field per RFC 4180: quoted when it holds a comma, quote, CR or LF.
void append_field(Buffer& out, std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    append(out, text);
    return;
  }
  out.push_back('"');
  for (char c : text) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

int64_t pow10(int n) {
  int64_t p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

// A non-negative amount in minor units with exactly `digits` decimals: 10850.00, JPY 125000.
void append_minor(Buffer& out, int64_t minor, int digits) {
  const int64_t unit = pow10(digits);
  append_padded(out, minor / unit, 1);
  if (digits > 0) {
    out.push_back('.');
    append_padded(out, minor % unit, digits);
  }
}

// A non-negative scaled decimal without trailing zeros: 1250, 12.5, 3.275, 0.0425.
void append_scaled(Buffer& out, int64_t value, int scale) {
  const int64_t unit = pow10(scale);
  append_padded(out, value / unit, 1);
  int64_t fraction = value % unit;
  if (fraction == 0) return;
  int digits = scale;
  while (fraction % 10 == 0) {
    fraction /= 10;
    --digits;
  }
  out.push_back('.');
  append_padded(out, fraction, digits);
}

class Sink {
 public:
  explicit Sink(std::ostream* stream) : stream_(stream) {}
  Buffer& out() { return buffer_; }
  void end_row() {
    buffer_.push_back('\n');
    if (stream_ != nullptr && buffer_.size() >= kChunk) flush();
  }
  void flush() {
    if (stream_ == nullptr) return;
    stream_->write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }
  std::string text() const { return fmt::to_string(buffer_); }

 private:
  static constexpr size_t kChunk = size_t{1} << 16;
  std::ostream* stream_;
  Buffer buffer_;
};

// ---------------------------------------------------------------------------------------------
// Money: the trade currencies, with a fixed demo exchange rate against USD.

struct TradeCurrency {
  std::string_view code;
  int minor_digits;
  int64_t per_usd_num, per_usd_den;  // units of this currency per US dollar
};

enum CurrencyIndex { kUsd, kEur, kGbp, kJpy, kCny, kCurrencyCount };

constexpr std::array<TradeCurrency, kCurrencyCount> kCurrencies{{{"USD", 2, 1, 1},
                                                                 {"EUR", 2, 92, 100},
                                                                 {"GBP", 2, 79, 100},
                                                                 {"JPY", 0, 150, 1},
                                                                 {"CNY", 2, 72, 10}}};

int64_t minor_unit(const TradeCurrency& c) { return pow10(c.minor_digits); }

int64_t usd_cents_in(const TradeCurrency& c, int64_t cents) {
  return cents * c.per_usd_num * pow10(c.minor_digits) / (c.per_usd_den * 100);
}

// quantity (milli-units) × unit price (micro) rounded half-even to the currency's minor unit.
int64_t line_amount_minor(int64_t quantity_milli, int64_t price_micro, int minor_digits) {
  const Int128 product = static_cast<Int128>(quantity_milli) * price_micro;  // scale 10^9
  const Int128 divisor = pow10(9 - minor_digits);
  Int128 quotient = product / divisor;
  const Int128 twice_rest = (product % divisor) * 2;
  if (twice_rest > divisor || (twice_rest == divisor && (quotient & 1) != 0)) ++quotient;
  return static_cast<int64_t>(quotient);
}

// ---------------------------------------------------------------------------------------------
// What Chinese exporters sell: products by category, with demo USD price ranges.

struct Product {
  std::string_view english, simplified, traditional, unit;
  int quantity_decimals;                             // 0 for pieces and sets, 3 for tonnes
  int64_t usd_min_micro, usd_max_micro, step_micro;  // unit price range and price step in USD
};

struct Category {
  Names trade_words;                                      // English words for buyers' company names
  std::string_view simplified, traditional, domain_word;  // Chinese business word in names
  std::span<const Product> products;
};

constexpr Product kLighting[] = {
    {"LED panel light 600x600", "LED面板灯 600x600", "LED面板燈 600x600", "pcs", 0, 8'500'000,
     14'000'000, 50'000},
    {"LED high bay light 150W", "LED工矿灯 150W", "LED工礦燈 150W", "pcs", 0, 28'000'000,
     45'000'000, 500'000},
    {"LED bulb A60 9W", "LED球泡灯 A60 9W", "LED球泡燈 A60 9W", "pcs", 0, 620'000, 950'000, 5'000}};
constexpr Product kValves[] = {
    {"Gate valve DN50", "闸阀 DN50", "閘閥 DN50", "pcs", 0, 15'000'000, 25'000'000, 50'000},
    {"Stainless ball valve DN25", "不锈钢球阀 DN25", "不鏽鋼球閥 DN25", "pcs", 0, 3'200'000,
     6'800'000, 5'000},
    {"Ball valve 1\", brass", "黄铜球阀 1\"", "黃銅球閥 1\"", "pcs", 0, 5'500'000, 8'500'000,
     5'000},
    {"Check valve DN80", "止回阀 DN80", "止回閥 DN80", "pcs", 0, 22'000'000, 38'000'000, 100'000}};
constexpr Product kTextiles[] = {
    {"Polyester fabric 150cm", "涤纶面料 150cm", "滌綸面料 150cm", "m", 1, 850'000, 2'200'000,
     10'000},
    {"Cotton yarn Ne 32/1", "棉纱 32支", "棉紗 32支", "kg", 1, 2'600'000, 4'200'000, 10'000},
    {"Cotton T-shirt 180gsm", "纯棉T恤 180克", "純棉T恤 180克", "pcs", 0, 1'800'000, 3'600'000,
     10'000}};
constexpr Product kSteel[] = {
    {"Stainless steel pipe 304", "304不锈钢管", "304不鏽鋼管", "t", 3, 1'850'000'000, 2'650'000'000,
     5'000'000},
    {"Galvanized steel coil", "镀锌钢卷", "鍍鋅鋼捲", "t", 3, 680'000'000, 820'000'000, 500'000},
    {"Steel wire rod 6.5mm", "钢盘条 6.5mm", "鋼盤條 6.5mm", "t", 3, 520'000'000, 610'000'000,
     500'000}};
constexpr Product kSolar[] = {{"Solar inverter 5kW", "光伏逆变器 5kW", "太陽能逆變器 5kW", "set", 0,
                               380'000'000, 620'000'000, 1'000'000},
                              {"Solar panel 550W mono", "单晶光伏组件 550W", "單晶太陽能板 550W",
                               "pcs", 0, 72'000'000, 98'000'000, 500'000},
                              {"Lithium battery pack 10kWh", "锂电池组 10kWh", "鋰電池組 10kWh",
                               "set", 0, 1'150'000'000, 1'680'000'000, 5'000'000}};
constexpr Product kBuilding[] = {
    {"Ceramic tiles 60x60", "瓷砖 60x60", "瓷磚 60x60", "m2", 2, 4'500'000, 9'000'000, 50'000},
    {"PVC pipe DN110", "PVC管 DN110", "PVC管 DN110", "m", 1, 1'150'000, 2'400'000, 10'000},
    {"Aluminium profile 6063", "6063铝型材", "6063鋁型材", "kg", 1, 2'900'000, 3'800'000, 10'000}};
constexpr Product kFurniture[] = {
    {"Office chair, mesh", "网布办公椅", "網布辦公椅", "pcs", 0, 24'000'000, 58'000'000, 500'000},
    {"Dining table set (1+6)", "餐桌椅套装 (1+6)", "餐桌椅套裝 (1+6)", "set", 0, 135'000'000,
     290'000'000, 1'000'000},
    {"Sofa 3-seater, fabric", "三人布艺沙发", "三人布藝沙發", "pcs", 0, 180'000'000, 420'000'000,
     1'000'000}};
constexpr Product kBicycles[] = {{"Mountain bicycle 26\"", "26寸山地自行车", "26吋登山自行車",
                                  "pcs", 0, 62'000'000, 118'000'000, 500'000},
                                 {"Bicycle tire 700x25C", "自行车外胎 700x25C",
                                  "自行車外胎 700x25C", "pcs", 0, 2'350'000, 4'100'000, 5'000},
                                 {"Electric bicycle 250W", "电动自行车 250W", "電動自行車 250W",
                                  "pcs", 0, 260'000'000, 420'000'000, 1'000'000}};
constexpr Product kHardware[] = {
    {"Hex bolt M12x50", "六角螺栓 M12x50", "六角螺栓 M12x50", "pcs", 0, 85'000, 160'000, 500},
    {"Self-drilling screw 4.2x19", "自攻钻尾螺丝 4.2x19", "自攻鑽尾螺絲 4.2x19", "pcs", 0, 18'500,
     42'500, 500},
    {"Padlock 40mm", "挂锁 40mm", "掛鎖 40mm", "pcs", 0, 1'150'000, 2'200'000, 5'000}};
constexpr Product kPackaging[] = {
    {"Corrugated carton 5-ply", "五层瓦楞纸箱", "五層瓦楞紙箱", "pcs", 0, 280'000, 650'000, 5'000},
    {"Glass bottle 500ml", "玻璃瓶 500ml", "玻璃瓶 500ml", "pcs", 0, 160'000, 340'000, 2'500},
    {"Stretch film 500mm", "缠绕膜 500mm", "纏繞膜 500mm", "kg", 1, 1'450'000, 1'950'000, 10'000}};
constexpr Product kMachinery[] = {
    {"Air compressor 7.5kW", "空气压缩机 7.5kW", "空氣壓縮機 7.5kW", "set", 0, 980'000'000,
     1'650'000'000, 5'000'000},
    {"Bench drill press", "台式钻床", "桌上型鑽床", "set", 0, 145'000'000, 260'000'000, 1'000'000},
    {"CNC turned parts", "数控车削件", "數控車削件", "pcs", 0, 850'000, 6'500'000, 5'000}};

constexpr std::string_view kLightingWords[] = {"Lighting", "Electrical", "LED"};
constexpr std::string_view kValveWords[] = {"Valves", "Flow Control", "Pipe & Valve"};
constexpr std::string_view kTextileWords[] = {"Textiles", "Fabrics", "Apparel"};
constexpr std::string_view kSteelWords[] = {"Steel", "Metals", "Steel Trading"};
constexpr std::string_view kSolarWords[] = {"Solar", "Energy", "Power Systems"};
constexpr std::string_view kBuildingWords[] = {"Building Supplies", "Tiles", "Building Materials"};
constexpr std::string_view kFurnitureWords[] = {"Furniture", "Home", "Interiors"};
constexpr std::string_view kBicycleWords[] = {"Cycles", "Bikes", "Bicycle"};
constexpr std::string_view kHardwareWords[] = {"Hardware", "Fasteners", "Tools"};
constexpr std::string_view kPackagingWords[] = {"Packaging", "Containers", "Pack"};
constexpr std::string_view kMachineryWords[] = {"Machinery", "Engineering", "Equipment"};

constexpr Category kCategories[] = {
    {kLightingWords, "照明", "照明", "lighting", kLighting},
    {kValveWords, "阀门", "閥門", "valve", kValves},
    {kTextileWords, "纺织", "紡織", "textile", kTextiles},
    {kSteelWords, "钢铁", "鋼鐵", "steel", kSteel},
    {kSolarWords, "新能源", "新能源", "energy", kSolar},
    {kBuildingWords, "建材", "建材", "building", kBuilding},
    {kFurnitureWords, "家具", "家具", "furniture", kFurniture},
    {kBicycleWords, "自行车", "自行車", "bike", kBicycles},
    {kHardwareWords, "五金", "五金", "hardware", kHardware},
    {kPackagingWords, "包装", "包裝", "pack", kPackaging},
    {kMachineryWords, "精密机械", "精密機械", "precision", kMachinery}};

// ---------------------------------------------------------------------------------------------
// People and companies by country.

// Slavic family names take a feminine form (Ivanova, Kowalska).
enum class Feminine { kNone, kRussian, kPolish };

struct Culture {
  Names first, last;  // first names: in Slavic cultures odd entries are women's names
  Feminine feminine = Feminine::kNone;
};

constexpr std::string_view kAngloFirst[] = {"James", "Sarah",  "Michael",  "Emma",   "David",
                                            "Laura", "Robert", "Jennifer", "Daniel", "Rachel"};
constexpr std::string_view kAngloLast[] = {"Miller", "Smith",  "Johnson", "Carter", "Brown",
                                           "Taylor", "Wilson", "Davies",  "Clarke", "Evans"};
constexpr std::string_view kGermanFirst[] = {"Thomas", "Anna",   "Stefan", "Julia",
                                             "Markus", "Katrin", "Jürgen", "Sabine"};
constexpr std::string_view kGermanLast[] = {"Müller", "Schmidt", "Schneider", "Fischer",
                                            "Weber",  "Becker",  "Hoffmann",  "Schäfer"};
constexpr std::string_view kFrenchFirst[] = {"Pierre",  "Marie",  "Julien",   "Camille",
                                             "Nicolas", "Sophie", "François", "Élodie"};
constexpr std::string_view kFrenchLast[] = {"Martin", "Bernard", "Dubois", "Lefèvre",
                                            "Moreau", "Laurent", "Girard", "Rousseau"};
constexpr std::string_view kItalianFirst[] = {"Marco",      "Giulia", "Luca",   "Francesca",
                                              "Alessandro", "Chiara", "Matteo", "Elena"};
constexpr std::string_view kItalianLast[] = {"Rossi", "Bianchi", "Romano", "Colombo",
                                             "Ricci", "Marino",  "Greco",  "Conti"};
constexpr std::string_view kSpanishFirst[] = {"Javier",    "Lucía",  "Carlos", "María",
                                              "Alejandro", "Carmen", "Andrés", "Sofía"};
constexpr std::string_view kSpanishLast[] = {"García",  "Fernández", "López", "Martínez",
                                             "Sánchez", "Pérez",     "Gómez", "Hernández"};
constexpr std::string_view kDutchFirst[] = {"Jan",  "Sanne", "Pieter", "Lotte",
                                            "Bram", "Femke", "Daan",   "Eva"};
constexpr std::string_view kDutchLast[] = {"de Jong", "Jansen", "de Vries", "van Dijk",
                                           "Bakker",  "Visser", "Smit",     "Meijer"};
constexpr std::string_view kPolishFirst[] = {"Piotr",  "Anna",      "Tomasz",    "Katarzyna",
                                             "Łukasz", "Magdalena", "Krzysztof", "Agnieszka"};
constexpr std::string_view kPolishLast[] = {"Nowak",    "Kowalski",    "Wiśniewski", "Wójcik",
                                            "Kamiński", "Lewandowski", "Zieliński",  "Szymański"};
constexpr std::string_view kArabFirst[] = {"Mohammed", "Fatima", "Ahmed", "Aisha",
                                           "Khalid",   "Layla",  "Omar",  "Noura"};
constexpr std::string_view kArabLast[] = {"Al-Rashid", "Al-Mansoori", "Haddad", "Al-Farsi",
                                          "Nasser",    "Al-Amiri",    "Khoury", "Al-Otaibi"};
constexpr std::string_view kIndianFirst[] = {"Rajesh", "Priya",  "Amit",   "Sunita",
                                             "Vikram", "Anjali", "Sanjay", "Deepa"};
constexpr std::string_view kIndianLast[] = {"Sharma", "Patel", "Gupta", "Mehta",
                                            "Reddy",  "Iyer",  "Singh", "Agarwal"};
constexpr std::string_view kVietFirst[] = {"Anh", "Minh", "Thu",   "Hung",
                                           "Lan", "Duc",  "Huong", "Tuan"};
constexpr std::string_view kVietLast[] = {"Nguyen", "Tran", "Le",   "Pham",
                                          "Hoang",  "Vu",   "Dang", "Bui"};
constexpr std::string_view kThaiFirst[] = {"Somchai", "Niran", "Kanya",   "Supaporn",
                                           "Anan",    "Malee", "Prasert", "Ratana"};
constexpr std::string_view kThaiLast[] = {"Srisuk",     "Chaiyaporn", "Wongsawat", "Rattanakul",
                                          "Suwannarat", "Boonmee",    "Thongchai", "Saetang"};
constexpr std::string_view kIndoFirst[] = {"Budi",   "Siti", "Agus", "Dewi",
                                           "Hendra", "Rina", "Joko", "Wulan"};
constexpr std::string_view kIndoLast[] = {"Santoso", "Wijaya", "Hidayat",  "Saputra",
                                          "Kusuma",  "Halim",  "Setiawan", "Gunawan"};
constexpr std::string_view kMalayFirst[] = {"Ahmad", "Nurul",    "Hafiz", "Aisyah",
                                            "Kevin", "Michelle", "Rajan", "Mei Ling"};
constexpr std::string_view kMalayLast[] = {"Abdullah", "Ismail", "Rahman", "Tan",
                                           "Lim",      "Wong",   "Lee",    "Krishnan"};
constexpr std::string_view kPortugueseFirst[] = {"João",  "Ana",     "Pedro",  "Mariana",
                                                 "Lucas", "Juliana", "Rafael", "Fernanda"};
constexpr std::string_view kPortugueseLast[] = {"Silva",   "Santos", "Oliveira", "Souza",
                                                "Pereira", "Costa",  "Almeida",  "Ferreira"};
constexpr std::string_view kNigerianFirst[] = {"Chinedu", "Ngozi",     "Oluwaseun", "Aisha",
                                               "Emeka",   "Funmilayo", "Ibrahim",   "Tunde"};
constexpr std::string_view kNigerianLast[] = {"Okafor", "Adeyemi", "Okonkwo", "Bello",
                                              "Nwosu",  "Balogun", "Eze",     "Abubakar"};
constexpr std::string_view kSouthAfricanFirst[] = {"Pieter", "Thandi",  "Johan",  "Lerato",
                                                   "Sipho",  "Annelie", "Willem", "Naledi"};
constexpr std::string_view kSouthAfricanLast[] = {
    "van der Merwe", "Botha", "Nkosi", "Dlamini", "Pretorius", "Naidoo", "Mokoena", "du Plessis"};
constexpr std::string_view kKoreanFirst[] = {"Min-jun", "Ji-woo",    "Seo-yeon", "Jae-hyun",
                                             "Hye-jin", "Dong-hyun", "Soo-ah",   "Young-ho"};
constexpr std::string_view kKoreanLast[] = {"Kim",  "Lee",  "Park", "Choi",
                                            "Jung", "Kang", "Cho",  "Yoon"};
constexpr std::string_view kJapaneseFirst[] = {"Hiroshi", "Yuki", "Takeshi", "Keiko",
                                               "Kenji",   "Aiko", "Satoshi", "Naoko"};
constexpr std::string_view kJapaneseLast[] = {"Tanaka", "Suzuki",   "Takahashi", "Watanabe",
                                              "Ito",    "Yamamoto", "Nakamura",  "Kobayashi"};
constexpr std::string_view kHongKongFirst[] = {"Raymond", "Karen",  "Jason",  "Michelle",
                                               "Eric",    "Winnie", "Kelvin", "Joyce"};
constexpr std::string_view kHongKongLast[] = {"Wong", "Chan", "Cheung", "Lau",
                                              "Tan",  "Lim",  "Ng",     "Ho"};
constexpr std::string_view kRussianFirst[] = {"Dmitry", "Elena",   "Sergey", "Olga",
                                              "Alexei", "Natalia", "Ivan",   "Irina"};
constexpr std::string_view kRussianLast[] = {"Ivanov", "Petrov", "Smirnov", "Kuznetsov",
                                             "Popov",  "Volkov", "Sokolov", "Morozov"};

constexpr Culture kAnglo{kAngloFirst, kAngloLast};
constexpr Culture kGerman{kGermanFirst, kGermanLast};
constexpr Culture kFrench{kFrenchFirst, kFrenchLast};
constexpr Culture kItalian{kItalianFirst, kItalianLast};
constexpr Culture kSpanish{kSpanishFirst, kSpanishLast};
constexpr Culture kDutch{kDutchFirst, kDutchLast};
constexpr Culture kPolish{kPolishFirst, kPolishLast, Feminine::kPolish};
constexpr Culture kArab{kArabFirst, kArabLast};
constexpr Culture kIndian{kIndianFirst, kIndianLast};
constexpr Culture kViet{kVietFirst, kVietLast};
constexpr Culture kThai{kThaiFirst, kThaiLast};
constexpr Culture kIndo{kIndoFirst, kIndoLast};
constexpr Culture kMalay{kMalayFirst, kMalayLast};
constexpr Culture kPortuguese{kPortugueseFirst, kPortugueseLast};
constexpr Culture kNigerian{kNigerianFirst, kNigerianLast};
constexpr Culture kSouthAfrican{kSouthAfricanFirst, kSouthAfricanLast};
constexpr Culture kKorean{kKoreanFirst, kKoreanLast};
constexpr Culture kJapanese{kJapaneseFirst, kJapaneseLast};
constexpr Culture kHongKong{kHongKongFirst, kHongKongLast};
constexpr Culture kRussian{kRussianFirst, kRussianLast, Feminine::kRussian};

// Company name patterns: {S} a brand stem, {N}/{N2} surnames, {T} a trade word of the buyer's
// category, {G} a local generic business word.
constexpr std::string_view kEnglishGeneric[] = {"Trading", "Supply", "Imports", "Industries",
                                                "Distribution"};

constexpr std::string_view kUsPatterns[] = {"{S} {T}, Inc.", "{S} {T} LLC", "{N}, {N2} & Co.",
                                            "{S} {G} Corp.", "{N} {T} Inc."};
constexpr std::string_view kUsStems[] = {"Acme",     "Summit",  "Lakeside", "Pioneer",
                                         "Keystone", "Liberty", "Redwood",  "Great Lakes",
                                         "Bayview",  "Frontier"};
constexpr std::string_view kGbPatterns[] = {"{N}, {N2} & Co. Ltd", "{S} {T} Ltd", "{S} {G} Limited",
                                            "{N} & Sons {T} Ltd"};
constexpr std::string_view kGbStems[] = {"Thames",   "Pennine",  "Crown",  "Albion",
                                         "Sterling", "Kingsway", "Mersey", "Highland"};
constexpr std::string_view kDePatterns[] = {"{N} {G} GmbH", "{S} {T} GmbH & Co. KG",
                                            "{N} & {N2} {G} GmbH", "{S} {G} AG"};
constexpr std::string_view kDeStems[] = {"Rhein", "Nord",  "Bavaria",    "Hansa",
                                         "Elbe",  "Alpen", "Schwarzwald"};
constexpr std::string_view kDeGeneric[] = {"Handel", "Haustechnik", "Industriebedarf", "Baustoffe",
                                           "Technik"};
constexpr std::string_view kFrPatterns[] = {"{G} {N} SARL", "{S} {T} SAS",
                                            "Établissements {N} S.A.", "{N} & Fils SAS"};
constexpr std::string_view kFrStems[] = {"Atlantique", "Provence", "Lumière",
                                         "Loire",      "Alpes",    "Bretagne"};
constexpr std::string_view kFrGeneric[] = {"Distribution", "Industrie", "Import Export", "Négoce"};
constexpr std::string_view kItPatterns[] = {"{G} {N} S.r.l.", "{S} {T} S.p.A.",
                                            "{N} & {N2} S.r.l."};
constexpr std::string_view kItStems[] = {"Adriatica", "Lombarda", "Tirrena",
                                         "Veneta",    "Toscana",  "Padana"};
constexpr std::string_view kItGeneric[] = {"Forniture Industriali", "Commerciale", "Idraulica",
                                           "Import"};
constexpr std::string_view kEsPatterns[] = {"{G} {N} S.L.", "{S} {T} S.A.", "{N} y {N2}, S.L."};
constexpr std::string_view kEsStems[] = {"Ibérica", "Levante", "Cantábrica", "Mediterránea",
                                         "Castilla"};
constexpr std::string_view kEsGeneric[] = {"Suministros", "Comercial", "Distribuciones",
                                           "Importaciones"};
constexpr std::string_view kNlPatterns[] = {"{N} {G} B.V.", "{S} {T} B.V."};
constexpr std::string_view kNlStems[] = {"Holland", "Delta", "Oranje", "Noordzee", "Polder"};
constexpr std::string_view kNlGeneric[] = {"Handel", "Techniek", "Groothandel", "Import"};
constexpr std::string_view kPlPatterns[] = {"{S} {G} Sp. z o.o.", "{N} {T} Sp. z o.o."};
constexpr std::string_view kPlStems[] = {"Stalmet",  "Polbud", "Wisła",
                                         "Mazowsze", "Bałtyk", "Tatra"};
constexpr std::string_view kPlGeneric[] = {"Handel", "Budownictwo", "Technika", "Import"};
constexpr std::string_view kAePatterns[] = {"{S} {T} Trading L.L.C.", "{S} General Trading LLC",
                                            "{S} {T} FZE"};
constexpr std::string_view kAeStems[] = {"Al Noor",       "Gulf Star",   "Falcon",
                                         "Emirates Link", "Al Mansoori", "Desert Rose"};
constexpr std::string_view kSaPatterns[] = {"{N} {T} Trading Est.", "{S} {G} Co. Ltd"};
constexpr std::string_view kSaStems[] = {"Najd", "Red Sea", "Al Watan", "Tihama", "Al Yamamah"};
constexpr std::string_view kGulfGeneric[] = {"Trading", "General Trading", "Enterprises"};
constexpr std::string_view kInPatterns[] = {"{S} {T} Pvt. Ltd.", "{N} {G} Pvt. Ltd.",
                                            "{S} Industries Ltd"};
constexpr std::string_view kInStems[] = {"Shree Ganesh", "Bharat", "Sai",  "Krishna",
                                         "Deccan",       "Indus",  "Ganga"};
constexpr std::string_view kInGeneric[] = {"Enterprises", "Traders", "Impex", "Industries"};
constexpr std::string_view kVnPatterns[] = {"{S} {T} Co., Ltd", "{S} {G} JSC"};
constexpr std::string_view kVnStems[] = {"Hoang Long", "Phu Thai", "Minh Phat",
                                         "Saigon",     "An Phat",  "Viet Hung"};
constexpr std::string_view kVnGeneric[] = {"Trading", "Import Export", "Investment"};
constexpr std::string_view kThPatterns[] = {"{S} {T} Co., Ltd.", "{S} {G} Public Co., Ltd."};
constexpr std::string_view kThStems[] = {"Siam", "Chao Phraya", "Sukhothai", "Lanna", "Rattana"};
constexpr std::string_view kIdPatterns[] = {"PT {S} {G}", "PT {S} {T} Indonesia", "CV {S} {G}"};
constexpr std::string_view kIdStems[] = {"Maju", "Sinar", "Cahaya", "Bintang", "Mitra", "Karya"};
constexpr std::string_view kIdGeneric[] = {"Jaya", "Makmur", "Sentosa", "Abadi"};
constexpr std::string_view kMyPatterns[] = {"{S} {T} Sdn. Bhd.", "{S} {G} Sdn Bhd"};
constexpr std::string_view kMyStems[] = {"Harmoni", "Selangor", "Petaling", "Klang Valley",
                                         "Eng Hup"};
constexpr std::string_view kBrPatterns[] = {"{G} {N} Ltda.", "{S} {T} S.A.",
                                            "{N} & {N2} Comércio Ltda."};
constexpr std::string_view kBrStems[] = {"Paulista", "Carioca",  "Brasil Sul",
                                         "Minas",    "Amazonas", "Atlântico"};
constexpr std::string_view kBrGeneric[] = {"Comércio", "Importação", "Distribuidora", "Materiais"};
constexpr std::string_view kMxPatterns[] = {"{G} {N} S.A. de C.V.", "{S} {T}, S.A. de C.V."};
constexpr std::string_view kMxStems[] = {"Azteca",    "del Norte", "Bajío",
                                         "Monterrey", "Jalisco",   "Pacífico"};
constexpr std::string_view kMxGeneric[] = {"Comercializadora", "Distribuidora", "Importaciones",
                                           "Suministros"};
constexpr std::string_view kNgPatterns[] = {"{S} {T} Nigeria Ltd", "{N} & Sons {G} Ltd"};
constexpr std::string_view kNgStems[] = {"Eko", "Ikeja", "Oduduwa", "Unity", "Royal Crest"};
constexpr std::string_view kZaPatterns[] = {"{S} {T} (Pty) Ltd", "{N} {G} (Pty) Ltd"};
constexpr std::string_view kZaStems[] = {"Cape",      "Highveld", "Karoo",
                                         "Table Bay", "Protea",   "Drakensberg"};
constexpr std::string_view kAuPatterns[] = {"{S} {T} Pty Ltd", "{N} {G} Pty. Ltd."};
constexpr std::string_view kAuStems[] = {"Southern Cross", "Pacific",     "Outback",
                                         "Harbour",        "Coral Coast", "Murray"};
constexpr std::string_view kKrPatterns[] = {"{S} {T} Co., Ltd.", "{S} Corporation"};
constexpr std::string_view kKrStems[] = {"Daesung", "Hanil", "Dongyang", "Samhwa", "Busan"};
constexpr std::string_view kJpPatterns[] = {"{S} {T} Co., Ltd.", "{N} Shoji K.K.",
                                            "{S} Sangyo Co., Ltd."};
constexpr std::string_view kJpStems[] = {"Yamato", "Kansai", "Chubu", "Toyo", "Sakura", "Fuji"};
constexpr std::string_view kTwPatterns[] = {"{S} {T} Co., Ltd.", "{S} Industrial Corp."};
constexpr std::string_view kTwStems[] = {"Formosa", "Everrich", "Taichung", "Hsinchu", "Kaohsiung"};
constexpr std::string_view kHkPatterns[] = {"{S} {T} Limited", "{S} {G} (HK) Co., Ltd."};
constexpr std::string_view kHkStems[] = {"Kowloon", "Victoria", "Golden Dragon", "Pearl River",
                                         "Wing Fat"};
constexpr std::string_view kSgPatterns[] = {"{S} {T} Pte. Ltd.", "{S} {G} Pte Ltd"};
constexpr std::string_view kSgStems[] = {"Lion City", "Merlion", "Raffles",
                                         "Straits",   "Jurong",  "Kallang"};
constexpr std::string_view kRuPatterns[] = {"OOO {S}", "{S} {T} LLC", "AO {S}"};
constexpr std::string_view kRuStems[] = {"Stroymash",  "Promsnab", "Tekhnoimport",
                                         "Uralmetall", "Sibtorg",  "Volgastroy"};

struct Country {
  std::string_view code, tld;
  std::string_view phone;  // '#' is a random digit, '%' one of 2..9
  const Culture* people;
  Names patterns, stems, generic;
  std::string_view zh_prefix;  // Chinese country name of mainland-Chinese-owned buyers
  int zh_percent;              // share of buyers that are mainland-Chinese-owned (language zh)
  int hant_percent;            // share of buyers with Traditional Chinese names (zh-Hant)
  int weight;                  // share of the book
};

constexpr Country kCountries[] = {
    {"US", "com", "+1 %## 555 01##", &kAnglo, kUsPatterns, kUsStems, kEnglishGeneric, "", 0, 0, 10},
    {"GB", "co.uk", "+44 20 7946 0###", &kAnglo, kGbPatterns, kGbStems, kEnglishGeneric, "", 0, 0,
     6},
    {"DE", "de", "+49 %# #######", &kGerman, kDePatterns, kDeStems, kDeGeneric, "", 0, 0, 7},
    {"FR", "fr", "+33 % ## ## ## ##", &kFrench, kFrPatterns, kFrStems, kFrGeneric, "", 0, 0, 4},
    {"IT", "it", "+39 0% #######", &kItalian, kItPatterns, kItStems, kItGeneric, "", 0, 0, 4},
    {"ES", "es", "+34 9## ### ###", &kSpanish, kEsPatterns, kEsStems, kEsGeneric, "", 0, 0, 4},
    {"NL", "nl", "+31 %# ### ####", &kDutch, kNlPatterns, kNlStems, kNlGeneric, "", 0, 0, 3},
    {"PL", "pl", "+48 %# ### ## ##", &kPolish, kPlPatterns, kPlStems, kPlGeneric, "", 0, 0, 3},
    {"AE", "ae", "+971 4 ### ####", &kArab, kAePatterns, kAeStems, kGulfGeneric, "迪拜", 20, 0, 4},
    {"SA", "com.sa", "+966 1# ### ####", &kArab, kSaPatterns, kSaStems, kGulfGeneric, "", 0, 0, 3},
    {"IN", "co.in", "+91 %# #### ####", &kIndian, kInPatterns, kInStems, kInGeneric, "", 0, 0, 5},
    {"VN", "com.vn", "+84 28 #### ####", &kViet, kVnPatterns, kVnStems, kVnGeneric, "越南", 20, 0,
     4},
    {"TH", "co.th", "+66 2 ### ####", &kThai, kThPatterns, kThStems, kEnglishGeneric, "泰国", 15, 0,
     3},
    {"ID", "co.id", "+62 21 #### ####", &kIndo, kIdPatterns, kIdStems, kIdGeneric, "印尼", 15, 0,
     3},
    {"MY", "com.my", "+60 3 #### ####", &kMalay, kMyPatterns, kMyStems, kEnglishGeneric, "马来西亚",
     35, 0, 4},
    {"BR", "com.br", "+55 11 ####-####", &kPortuguese, kBrPatterns, kBrStems, kBrGeneric, "巴西",
     10, 0, 4},
    {"MX", "com.mx", "+52 55 #### ####", &kSpanish, kMxPatterns, kMxStems, kMxGeneric, "", 0, 0, 4},
    {"NG", "com.ng", "+234 1 ### ####", &kNigerian, kNgPatterns, kNgStems, kEnglishGeneric,
     "尼日利亚", 15, 0, 3},
    {"ZA", "co.za", "+27 21 ### ####", &kSouthAfrican, kZaPatterns, kZaStems, kEnglishGeneric,
     "南非", 10, 0, 3},
    {"AU", "com.au", "+61 2 #### ####", &kAnglo, kAuPatterns, kAuStems, kEnglishGeneric, "", 0, 0,
     4},
    {"KR", "co.kr", "+82 2 #### ####", &kKorean, kKrPatterns, kKrStems, kEnglishGeneric, "", 0, 0,
     3},
    {"JP", "co.jp", "+81 3 #### ####", &kJapanese, kJpPatterns, kJpStems, kEnglishGeneric, "", 0, 0,
     4},
    {"TW", "com.tw", "+886 2 #### ####", &kHongKong, kTwPatterns, kTwStems, kEnglishGeneric, "", 0,
     80, 3},
    {"HK", "com.hk", "+852 %### ####", &kHongKong, kHkPatterns, kHkStems, kEnglishGeneric, "", 0,
     65, 3},
    {"SG", "com.sg", "+65 6### ####", &kHongKong, kSgPatterns, kSgStems, kEnglishGeneric, "新加坡",
     40, 0, 4},
    {"RU", "ru", "+7 495 ###-##-##", &kRussian, kRuPatterns, kRuStems, kEnglishGeneric, "俄罗斯",
     35, 0, 4}};

constexpr std::array<int, std::size(kCountries)> country_weights() {
  std::array<int, std::size(kCountries)> weights{};
  for (size_t i = 0; i < std::size(kCountries); ++i) weights[i] = kCountries[i].weight;
  return weights;
}
constexpr auto kCountryWeights = country_weights();

// Chinese names: simplified, traditional and the pinyin used in e-mail addresses and domains.
struct HanName {
  std::string_view simplified, traditional, pinyin;
};

constexpr HanName kHanSurnames[] = {
    {"王", "王", "wang"}, {"李", "李", "li"},   {"张", "張", "zhang"}, {"刘", "劉", "liu"},
    {"陈", "陳", "chen"}, {"杨", "楊", "yang"}, {"黄", "黃", "huang"}, {"赵", "趙", "zhao"},
    {"吴", "吳", "wu"},   {"周", "周", "zhou"}, {"林", "林", "lin"},   {"郑", "鄭", "zheng"}};
constexpr HanName kHanGiven[] = {
    {"伟", "偉", "wei"},         {"芳", "芳", "fang"},        {"静", "靜", "jing"},
    {"敏", "敏", "min"},         {"强", "強", "qiang"},       {"磊", "磊", "lei"},
    {"婷", "婷", "ting"},        {"建华", "建華", "jianhua"}, {"志明", "志明", "zhiming"},
    {"晓燕", "曉燕", "xiaoyan"}, {"俊杰", "俊傑", "junjie"},  {"美玲", "美玲", "meiling"},
    {"家豪", "家豪", "jiahao"},  {"国平", "國平", "guoping"}};
constexpr HanName kHanBrands[] = {
    {"恒达", "恒達", "hengda"},   {"华兴", "華興", "huaxing"},    {"宏远", "宏遠", "hongyuan"},
    {"金城", "金城", "jincheng"}, {"鑫源", "鑫源", "xinyuan"},    {"永泰", "永泰", "yongtai"},
    {"大成", "大成", "dacheng"},  {"东方", "東方", "dongfang"},   {"盛达", "盛達", "shengda"},
    {"瑞丰", "瑞豐", "ruifeng"},  {"长城", "長城", "changcheng"}, {"联合", "聯合", "lianhe"}};
constexpr HanName kTaiwanCities[] = {{"台北", "台北", "taipei"},
                                     {"台中", "台中", "taichung"},
                                     {"高雄", "高雄", "kaohsiung"},
                                     {"新竹", "新竹", "hsinchu"},
                                     {"桃园", "桃園", "taoyuan"}};

constexpr std::string_view kSalespeople[] = {"Lily Wang", "Kevin Zhao", "Amy Chen",
                                             "Jason Li",  "Grace Liu",  "Tony Huang"};

// ASCII spellings for the accented letters of our name lists (e-mail addresses, domains).
constexpr std::pair<std::string_view, std::string_view> kTransliterations[] = {
    {"ä", "ae"}, {"ö", "oe"}, {"ü", "ue"}, {"ß", "ss"}, {"Ä", "ae"}, {"Ö", "oe"}, {"Ü", "ue"},
    {"é", "e"},  {"è", "e"},  {"ê", "e"},  {"ë", "e"},  {"É", "e"},  {"á", "a"},  {"à", "a"},
    {"â", "a"},  {"ã", "a"},  {"í", "i"},  {"ó", "o"},  {"ô", "o"},  {"õ", "o"},  {"ú", "u"},
    {"ç", "c"},  {"ñ", "n"},  {"ł", "l"},  {"Ł", "l"},  {"ś", "s"},  {"ź", "z"},  {"ż", "z"},
    {"ć", "c"},  {"ń", "n"},  {"ę", "e"},  {"ą", "a"}};

// Lowercase ASCII letters and digits of `text`, accents transliterated, everything else dropped.
std::string slug(std::string_view text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out.push_back(c);
      ++i;
    } else if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c - 'A' + 'a'));
      ++i;
    } else if (static_cast<unsigned char>(c) < 0x80) {
      ++i;
    } else {
      bool known = false;
      for (const auto& [letter, ascii] : kTransliterations) {
        if (text.substr(i, letter.size()) == letter) {
          out.append(ascii);
          i += letter.size();
          known = true;
          break;
        }
      }
      if (!known) ++i;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Payment terms.

enum class Basis { kInvoice, kBillOfLading, kReceived, kEndOfMonth };

struct Terms {
  std::string_view text;
  int days;
  Basis basis;
};

constexpr Terms kTerms[] = {
    {"30-INV", 30, Basis::kInvoice},     {"60-BL", 60, Basis::kBillOfLading},
    {"90-BL", 90, Basis::kBillOfLading}, {"45-RCV", 45, Basis::kReceived},
    {"30-EOM", 30, Basis::kEndOfMonth},  {"60-EOM", 60, Basis::kEndOfMonth}};
constexpr int kTermsWeights[] = {15, 25, 15, 15, 15, 15};
// Invoices aimed at a given age are never on end-of-month terms (the due date would drift).
constexpr int kAimedTermsWeights[] = {20, 35, 20, 25, 0, 0};
constexpr int kSixtyDaysBl = 1;

// Aging buckets the chronic late payers' unpaid invoices are aimed at: days overdue, from..to.
constexpr std::array<std::array<int, 2>, 6> kOverdueAims{
    {{3, 28}, {33, 58}, {63, 88}, {95, 175}, {185, 360}, {368, 400}}};

// ---------------------------------------------------------------------------------------------
// One buyer, generated whole, then written.

constexpr std::string_view kRoles[] = {"buyer", "finance", "manager", "owner", "clerk", "other"};
enum Role { kBuyer, kFinance, kManager, kOwner, kClerk, kOther };

enum class Language { kEnglish, kSimplified, kTraditional };

struct CatalogItem {
  const Product* product;
  std::array<int64_t, kCurrencyCount> price_micro;  // this buyer's price in each currency
};

struct Line {
  std::string_view product, unit;
  int64_t quantity_milli = 0, price_micro = 0, amount_minor = 0;
  bool show_amount = false;
};

struct Invoice {
  std::string invoice_no, order_no;
  int currency = kUsd;
  int issue = 0, ship = 0, received = -1, due = 0;  // received -1: not known
  int terms = -1;                                   // index into kTerms; -1: explicit due date
  std::vector<Line> lines;
  int64_t total_minor = 0;
  bool never_paid = false;  // a chronic late payer has paid nothing on it
};

struct PlannedPayment {
  int date = 0;
  int currency = kUsd;
  int64_t amount_minor = 0, charges_minor = 0;
  int invoice = -1;    // index of the invoice it names, -1 for none
  bool plain = false;  // pays one invoice exactly without naming it: may be bundled
  int order = 0;       // creation order, breaks ties between payments of one day
};

struct Contact {
  std::string name, email, phone;
  Role role;
};

enum Method { kWire, kCheque, kLc, kOtherMethod };
constexpr std::string_view kMethods[] = {"wire", "cheque", "lc", "other"};
constexpr int kMethodWeights[] = {80, 8, 7, 5};

struct Buyer {
  std::string id, name, domain;
  const Country* country = nullptr;
  Language language = Language::kEnglish;
  int main_currency = kUsd, second_currency = -1;
  int since = 0;
  std::string_view salesperson;
  std::string policy, insured_limit;
  std::vector<CatalogItem> catalog;
  std::vector<Invoice> invoices;
  std::vector<PlannedPayment> payments;
  std::vector<Contact> contacts;
  Method method = kWire;
  bool chronic = false;
};

constexpr int kWindowDays = 540;  // invoices are issued over the ~18 months before as_of
constexpr int kMaxInvoicesPerBuyer = 8;
constexpr int kLineCountWeights[] = {10, 12, 18, 22, 18, 20};   // 1..6 lines, mean ~3.9
constexpr int kInvoiceCountWeights[] = {30, 32, 18, 10, 6, 4};  // 1..6 invoices, mean ~2.4

int digits_of(int64_t n) {
  int digits = 1;
  while (n >= 10) {
    n /= 10;
    ++digits;
  }
  return digits;
}

class BookWriter {
 public:
  BookWriter(const DemoOptions& options, Sink& customers, Sink& contacts, Sink& invoices,
             Sink& payments)
      : options_(options),
        as_of_(parse_iso_date(options.as_of)),
        window_start_(as_of_ - kWindowDays),
        customers_(customers),
        contacts_(contacts),
        invoices_(invoices),
        payments_(payments) {
    const int64_t count = std::max(options.customers, 0);
    customer_width_ = std::max(4, digits_of(count));
    invoice_width_ = std::max(5, digits_of(count * kMaxInvoicesPerBuyer));
    payment_width_ = std::max(6, digits_of(count * kMaxInvoicesPerBuyer * 2));
  }

  void write() {
    append(customers_.out(),
           "customer_id,name,country,language,since,salesperson,insurance_policy,insured_limit");
    customers_.end_row();
    append(contacts_.out(), "customer_id,name,email,role,phone");
    contacts_.end_row();
    append(invoices_.out(),
           "invoice_no,order_no,customer_id,currency,issue_date,ship_date,received_date,due_date,"
           "terms,product,quantity,unit,unit_price,amount");
    invoices_.end_row();
    append(payments_.out(),
           "payment_id,customer_id,date,currency,amount,invoice_no,method,reference,bank_charges");
    payments_.end_row();
    for (int i = 0; i < options_.customers; ++i) {
      uint64_t state = options_.seed ^ (static_cast<uint64_t>(i) * 0xd1b54a32d192ed03ULL);
      Rng rng(splitmix64(state) ^ static_cast<uint64_t>(i));
      Buyer buyer = make_buyer(i, rng);
      write_buyer(buyer, rng);
    }
    customers_.flush();
    contacts_.flush();
    invoices_.flush();
    payments_.flush();
  }

 private:
  // ----- the buyer -----

  Buyer make_buyer(int index, Rng& rng) {
    Buyer b;
    b.id = fmt::format("C{:0{}}", index + 1, customer_width_);
    // The first buyers visit every country once, so even the small default book trades in every
    // currency (GBP, JPY ...); after that the weights decide.
    const size_t weighted = rng.weighted(kCountryWeights);
    b.country = &kCountries[static_cast<size_t>(index) < std::size(kCountries)
                                ? static_cast<size_t>(index)
                                : weighted];
    if (rng.chance(b.country->hant_percent)) {
      b.language = Language::kTraditional;
    } else if (rng.chance(b.country->zh_percent)) {
      b.language = Language::kSimplified;
    }
    // About one buyer in seven is a chronic late payer; the aging buckets its unpaid invoices
    // aim at rotate through the book so that every bucket holds money.
    const int phase = static_cast<int>(options_.seed % 7);
    b.chronic = index % 7 == phase;
    const int chronic_rank = index / 7;

    const size_t primary = rng.below(std::size(kCategories));
    size_t secondary = rng.below(std::size(kCategories) - 1);
    if (secondary >= primary) ++secondary;
    name_buyer(b, kCategories[primary], rng);
    choose_currencies(b, rng);
    b.salesperson = rng.pick(Names(kSalespeople));
    b.method = static_cast<Method>(rng.weighted(kMethodWeights));
    for (size_t category : {primary, secondary}) {
      for (const Product& p : kCategories[category].products) b.catalog.push_back(price(p, rng));
    }
    make_invoices(b, chronic_rank, rng);
    make_payments(b, rng);

    const int first_issue = b.invoices.front().issue;
    const int earliest = days_from_civil(2010, 1, 1);
    if (first_issue <= earliest) {
      b.since = first_issue;
    } else if (rng.chance(80)) {
      b.since = static_cast<int>(rng.range(earliest, std::max(earliest, first_issue - 180)));
    } else {
      b.since = static_cast<int>(rng.range(std::max(earliest, first_issue - 180), first_issue));
    }
    if (rng.chance(30)) insure(b, rng);
    make_contacts(b, index, rng);
    return b;
  }

  void name_buyer(Buyer& b, const Category& category, Rng& rng) {
    const Country& c = *b.country;
    if (b.language != Language::kEnglish) {
      const bool traditional = b.language == Language::kTraditional;
      const HanName& brand = rng.pick(std::span<const HanName>(kHanBrands));
      const bool trading = rng.chance(40);
      const std::string_view business =
          trading ? (traditional ? "貿易" : "贸易")
                  : (traditional ? category.traditional : category.simplified);
      const std::string_view domain_word = trading ? "trading" : category.domain_word;
      std::string_view tld = c.tld;
      if (c.code == "TW") {
        if (rng.chance(50)) {
          const HanName& city = rng.pick(std::span<const HanName>(kTaiwanCities));
          b.name = fmt::format("{}{}股份有限公司", city.traditional, business);
          b.domain = fmt::format("{}{}.{}", city.pinyin, domain_word, tld);
        } else {
          b.name = fmt::format("{}{}股份有限公司", brand.traditional, business);
          b.domain = fmt::format("{}{}.{}", brand.pinyin, domain_word, tld);
        }
        return;
      }
      if (c.code == "HK") {
        b.name = rng.chance(50) ? fmt::format("香港{}{}有限公司", brand.traditional, business)
                                : fmt::format("{}{}（香港）有限公司", brand.traditional, business);
      } else {
        b.name = fmt::format("{}{}{}有限公司", c.zh_prefix, brand.simplified, business);
      }
      b.domain = fmt::format("{}{}.{}", brand.pinyin, domain_word, tld);
      return;
    }
    const std::string_view pattern = rng.pick(c.patterns);
    const std::string_view stem = rng.pick(c.stems);
    const size_t surnames = c.people->last.size();
    const size_t first_surname = rng.below(surnames);
    const std::string_view surname = c.people->last[first_surname];
    const std::string_view surname2 =
        c.people->last[(first_surname + 1 + rng.below(surnames - 1)) % surnames];
    const std::string_view trade = rng.pick(category.trade_words);
    const std::string_view generic = rng.pick(c.generic);
    b.name = fmt::format(fmt::runtime(pattern), fmt::arg("S", stem), fmt::arg("N", surname),
                         fmt::arg("N2", surname2), fmt::arg("T", trade), fmt::arg("G", generic));
    std::string host = slug(pattern.find("{S}") != std::string_view::npos ? stem : surname);
    if (pattern.find("{T}") != std::string_view::npos) {
      host += slug(trade.substr(0, trade.find(' ')));
    }
    b.domain = fmt::format("{}.{}", host, c.tld);
  }

  void choose_currencies(Buyer& b, Rng& rng) {
    const std::string_view code = b.country->code;
    if (code == "DE" || code == "FR" || code == "IT" || code == "ES" || code == "NL") {
      b.main_currency = rng.chance(85) ? kEur : kUsd;
    } else if (code == "PL") {
      b.main_currency = rng.chance(50) ? kEur : kUsd;
    } else if (code == "GB") {
      const int r = static_cast<int>(rng.below(100));
      b.main_currency = r < 60 ? kGbp : (r < 90 ? kUsd : kEur);
    } else if (code == "JP") {
      b.main_currency = rng.chance(65) ? kJpy : kUsd;
    } else if (b.language == Language::kSimplified) {
      b.main_currency = rng.chance(40) ? kCny : kUsd;
    } else if (b.language == Language::kTraditional) {
      b.main_currency = rng.chance(15) ? kCny : kUsd;
    }
    if (rng.chance(8)) {
      if (b.main_currency != kUsd) {
        b.second_currency = kUsd;
      } else {
        b.second_currency = b.language == Language::kSimplified ? kCny : kEur;
      }
    }
  }

  CatalogItem price(const Product& p, Rng& rng) {
    CatalogItem item{&p, {}};
    const int64_t steps = (p.usd_max_micro - p.usd_min_micro) / p.step_micro;
    const int64_t usd = p.usd_min_micro + p.step_micro * rng.range(0, steps);
    for (int c = 0; c < kCurrencyCount; ++c) {
      const TradeCurrency& cur = kCurrencies[c];
      const int64_t raw = usd * cur.per_usd_num / cur.per_usd_den;
      const int64_t step = cur.minor_digits == 0 ? 1'000'000 : p.step_micro;
      item.price_micro[c] = std::max(step, (raw + step / 2) / step * step);
    }
    return item;
  }

  void insure(Buyer& b, Rng& rng) {
    const int year = civil_from_days(as_of_).year;
    const int since_year = civil_from_days(b.since).year;
    const int policy_year =
        static_cast<int>(rng.range(std::min(year, std::max(since_year, year - 3)), year));
    b.policy = fmt::format("SINOSURE-{}-{:04}", policy_year, rng.range(1, 9999));
    const TradeCurrency& cur = kCurrencies[b.main_currency];
    const int64_t usd = rng.range(3, 30) * 10'000;
    int64_t limit = usd * cur.per_usd_num / cur.per_usd_den;
    const int64_t round_to = b.main_currency == kJpy   ? 1'000'000
                             : b.main_currency == kCny ? 50'000
                                                       : 5'000;
    limit = std::max(round_to, (limit + round_to / 2) / round_to * round_to);
    b.insured_limit = fmt::format("{} {}", cur.code, limit);
  }

  // ----- invoices -----

  void make_invoices(Buyer& b, int chronic_rank, Rng& rng) {
    int count = static_cast<int>(rng.weighted(kInvoiceCountWeights)) + 1;
    if (b.chronic) count = static_cast<int>(rng.range(4, 5));
    if (b.second_currency >= 0) count = std::max(count, 2);
    for (int k = 0; k < count; ++k) {
      Invoice inv;
      if (b.chronic && k < 3) {
        // Nothing paid: aimed at three consecutive aging buckets (so the oldest is 60+ days).
        const auto& aim = kOverdueAims[(chronic_rank + k) % kOverdueAims.size()];
        const int overdue = static_cast<int>(rng.range(aim[0], aim[1]));
        aim_dates(inv, as_of_ - overdue, rng);
        inv.never_paid = true;
      } else {
        // One draw per statement: argument evaluation order is unspecified.
        const int issue = static_cast<int>(rng.range(window_start_, as_of_));
        const int terms = static_cast<int>(rng.weighted(kTermsWeights));
        const int gap = static_cast<int>(rng.range(30, 120));
        set_dates(inv, issue, terms, gap, rng);
      }
      b.invoices.push_back(std::move(inv));
    }
    std::stable_sort(b.invoices.begin(), b.invoices.end(),
                     [](const Invoice& x, const Invoice& y) { return x.issue < y.issue; });
    // Currencies: the main one, and for a few buyers some invoices in a second currency.
    for (Invoice& inv : b.invoices) inv.currency = b.main_currency;
    if (b.second_currency >= 0) {
      bool any = false;
      for (size_t k = 1; k < b.invoices.size(); ++k) {
        if (rng.chance(35)) {
          b.invoices[k].currency = b.second_currency;
          any = true;
        }
      }
      if (!any) b.invoices.back().currency = b.second_currency;
    }
    // Numbers, orders and lines.
    const bool buyer_po = b.language == Language::kEnglish ? rng.chance(70) : rng.chance(30);
    int64_t po = rng.range(10'000, 89'999);
    int64_t so = rng.range(1, 400);
    const bool chinese_products = b.language != Language::kEnglish;
    for (size_t k = 0; k < b.invoices.size(); ++k) {
      Invoice& inv = b.invoices[k];
      const int year = civil_from_days(inv.issue).year;
      inv.invoice_no = fmt::format("INV-{}-{:0{}}", year, ++invoice_seq_, invoice_width_);
      if (k > 0 && b.invoices[k - 1].currency == inv.currency &&
          inv.issue - b.invoices[k - 1].issue <= 45 && rng.chance(40)) {
        inv.order_no = b.invoices[k - 1].order_no;  // a split shipment of the same order
      } else if (buyer_po) {
        po += rng.range(1, 40);
        inv.order_no = fmt::format("PO-{}", po);
      } else {
        so += rng.range(1, 30);
        inv.order_no = fmt::format("SO{}-{:03}", year, so % 1000);
      }
      make_lines(inv, b, chinese_products && rng.chance(50), rng);
    }
  }

  // Dates of an invoice issued on `issue` under kTerms[terms] (or an explicit due date
  // `gap` days after issue when terms < 0), shipped `ship_days` later.
  void finish_dates(Invoice& inv, int issue, int terms, int gap, int ship_days, int transit_days,
                    Rng& rng) {
    inv.issue = issue;
    inv.ship = std::min(issue + ship_days, as_of_);
    const int received = inv.ship + transit_days;
    const bool can_receive = received <= as_of_;
    if (terms < 0) {
      inv.terms = -1;
      inv.due = issue + gap;
      inv.received = can_receive && rng.chance(50) ? received : -1;
      return;
    }
    if (kTerms[terms].basis == Basis::kReceived && !can_receive) terms = kSixtyDaysBl;
    const Terms& t = kTerms[terms];
    inv.terms = terms;
    inv.received = can_receive && (t.basis == Basis::kReceived || rng.chance(45)) ? received : -1;
    switch (t.basis) {
      case Basis::kInvoice:
        inv.due = inv.issue + t.days;
        break;
      case Basis::kBillOfLading:
        inv.due = inv.ship + t.days;
        break;
      case Basis::kReceived:
        inv.due = inv.received + t.days;
        break;
      case Basis::kEndOfMonth:
        inv.due = end_of_month(inv.issue) + t.days;
        break;
    }
  }

  void set_dates(Invoice& inv, int issue, int terms, int gap, Rng& rng) {
    const int ship_days = static_cast<int>(rng.range(0, 20));
    const int transit_days = static_cast<int>(rng.range(20, 45));
    if (rng.chance(30)) terms = -1;
    finish_dates(inv, issue, terms, gap, ship_days, transit_days, rng);
  }

  // Dates of an invoice falling due on `due` (no end-of-month terms, which would drift).
  void aim_dates(Invoice& inv, int due, Rng& rng) {
    const int ship_days = static_cast<int>(rng.range(0, 20));
    const int transit_days = static_cast<int>(rng.range(20, 45));
    int terms = -1;
    int span = static_cast<int>(rng.range(30, 120));
    const int gap = span;
    if (!rng.chance(30)) {
      terms = static_cast<int>(rng.weighted(kAimedTermsWeights));
      const Terms& t = kTerms[terms];
      span = t.days + (t.basis == Basis::kBillOfLading ? ship_days : 0) +
             (t.basis == Basis::kReceived ? ship_days + transit_days : 0);
    }
    finish_dates(inv, std::max(due - span, window_start_), terms, gap, ship_days, transit_days,
                 rng);
  }

  // Invoice total in USD cents: mostly 2,000..120,000 USD.
  int64_t invoice_target_usd_cents(Rng& rng) {
    static constexpr int kWeights[] = {8, 20, 27, 25, 17, 3};
    static constexpr std::array<int64_t, 7> kBounds{80'000,    200'000,    500'000,   1'500'000,
                                                    4'000'000, 12'000'000, 25'000'000};
    const size_t band = rng.weighted(kWeights);
    return rng.range(kBounds[band], kBounds[band + 1]);
  }

  // Rounds a quantity derived from a money target to what an order would say.
  int64_t round_quantity(int64_t milli, int decimals, Rng& rng) {
    if (decimals == 3) return std::max<int64_t>(milli, 1);
    int64_t units = milli / 1000;
    const int64_t step = units >= 5000 ? 100 : units >= 1000 ? 50 : units >= 100 ? 10 : 1;
    units = std::max<int64_t>(step, (units + step / 2) / step * step);
    int64_t q = units * 1000;
    if (decimals > 0 && rng.chance(30)) {
      q += decimals == 1 ? 500 : rng.range(1, 99) * 10;  // 12.5 m, 1532.16 m2
    }
    return q;
  }

  void make_lines(Invoice& inv, const Buyer& b, bool chinese, Rng& rng) {
    const TradeCurrency& cur = kCurrencies[inv.currency];
    size_t count = rng.weighted(kLineCountWeights) + 1;
    count = std::min(count, b.catalog.size());
    std::vector<size_t> order(b.catalog.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    for (size_t i = 0; i < count; ++i) {
      std::swap(order[i], order[i + rng.below(order.size() - i)]);
    }
    const int64_t target_minor = usd_cents_in(cur, invoice_target_usd_cents(rng));
    std::array<int64_t, 6> weights{};
    int64_t weight_sum = 0;
    for (size_t i = 0; i < count; ++i) weight_sum += weights[i] = rng.range(1, 4);
    const int64_t micro_per_minor = pow10(6 - cur.minor_digits);
    inv.lines.reserve(count);
    for (size_t i = 0; i < count; ++i) {
      const CatalogItem& item = b.catalog[order[i]];
      const Product& p = *item.product;
      Line line;
      line.product = !chinese                               ? p.english
                     : b.language == Language::kTraditional ? p.traditional
                                                            : p.simplified;
      line.unit = p.unit;
      line.price_micro = item.price_micro[inv.currency];
      const Int128 line_target_micro =
          static_cast<Int128>(target_minor) * weights[i] / weight_sum * micro_per_minor;
      const int64_t milli = static_cast<int64_t>(line_target_micro * 1000 / line.price_micro);
      line.quantity_milli = round_quantity(milli, p.quantity_decimals, rng);
      line.amount_minor =
          line_amount_minor(line.quantity_milli, line.price_micro, cur.minor_digits);
      line.show_amount = rng.chance(50);
      inv.total_minor += line.amount_minor;
      inv.lines.push_back(line);
    }
  }

  // ----- payments -----

  void make_payments(Buyer& b, Rng& rng) {
    const bool punctual = !b.chronic && rng.chance(60);
    int order = 0;
    auto add = [&](int date, const Invoice& inv, int index, int64_t amount, int64_t charges,
                   bool named, bool plain) {
      PlannedPayment p;
      p.date = date;
      p.currency = inv.currency;
      p.amount_minor = amount;
      p.charges_minor = charges;
      p.invoice = named ? index : -1;
      p.plain = plain && !named;
      p.order = order++;
      b.payments.push_back(p);
    };
    for (size_t k = 0; k < b.invoices.size(); ++k) {
      const Invoice& inv = b.invoices[k];
      const int index = static_cast<int>(k);
      if (inv.never_paid) continue;
      const TradeCurrency& cur = kCurrencies[inv.currency];
      const int64_t unit = minor_unit(cur);
      const int64_t total = inv.total_minor;
      int delay = 0;
      if (b.chronic) {
        delay = static_cast<int>(rng.range(25, 120));
      } else {
        delay = static_cast<int>(punctual ? rng.range(-7, 10) : rng.range(0, 40));
        if (rng.chance(12)) delay += static_cast<int>(rng.range(20, 60));
      }
      const int paid_on = std::max(inv.due + delay, inv.issue + 3);
      if (paid_on > as_of_) {
        // Not yet paid in full; sometimes a part came in already.
        if (!b.chronic && inv.issue + 10 <= as_of_ && rng.chance(15)) {
          const int date = static_cast<int>(rng.range(inv.issue + 10, as_of_));
          const int64_t part = part_of(total, unit, rng);
          const bool part_named = rng.chance(35);
          add(date, inv, index, part, 0, part_named, false);
        }
        continue;
      }
      // A chronic late payer names the invoice it pays (so older ones stay open).
      const bool named = b.chronic || rng.chance(30);
      static constexpr int kKindWeights[] = {57, 16, 10, 9, 4};
      const size_t kind = b.chronic ? (rng.chance(70) ? 0 : 1) : rng.weighted(kKindWeights);
      switch (kind) {
        case 0:  // in full
          add(paid_on, inv, index, total, 0, named, true);
          break;
        case 1: {  // the bank took its charges, stated on the advice
          const int64_t charges =
              inv.currency == kJpy ? rng.range(3, 9) * 500 : rng.range(15, 45) * unit;
          add(paid_on, inv, index, total - charges, charges, named, false);
          break;
        }
        case 2: {  // short by a few units, no charge stated: within the tolerance
          const int64_t cap = std::min(total * 50 / 10'000, 50 * unit);
          int64_t shortfall = 0;
          if (cap >= unit) {
            shortfall = rng.range(1, cap / unit) * unit;
          } else if (cap >= 1) {
            shortfall = rng.range(1, cap);
          }
          add(paid_on, inv, index, total - shortfall, 0, named, false);
          break;
        }
        case 3: {  // in two parts; the rest may still be outstanding
          const int64_t part = part_of(total, unit, rng);
          add(paid_on, inv, index, part, 0, named, false);
          const int rest_on = paid_on + static_cast<int>(rng.range(15, 60));
          if (rest_on <= as_of_) add(rest_on, inv, index, total - part, 0, named, false);
          break;
        }
        default: {  // a little too much: the excess becomes credit
          const int64_t excess = std::max(unit, total * rng.range(50, 300) / 10'000 / unit * unit);
          add(paid_on, inv, index, total + excess, 0, false, false);
          break;
        }
      }
    }
    std::stable_sort(b.payments.begin(), b.payments.end(),
                     [](const PlannedPayment& x, const PlannedPayment& y) {
                       return x.date != y.date ? x.date < y.date : x.order < y.order;
                     });
    // One transfer for two invoices paid within a few days of each other.
    std::vector<PlannedPayment> bundled;
    for (const PlannedPayment& p : b.payments) {
      if (!bundled.empty() && bundled.back().plain && p.plain &&
          bundled.back().currency == p.currency && p.date - bundled.back().date <= 6 &&
          rng.chance(60)) {
        bundled.back().amount_minor += p.amount_minor;
        bundled.back().date = p.date;
      } else {
        bundled.push_back(p);
      }
    }
    b.payments = keep_plausible(b, bundled);
  }

  // 30..70% of a total, in round amounts.
  static int64_t part_of(int64_t total, int64_t unit, Rng& rng) {
    int64_t part = total * rng.range(30, 70) / 100;
    const int64_t round_to = part >= 1000 * unit ? 100 * unit : unit;
    part = part / round_to * round_to;
    if (part <= 0 || part >= total) part = total / 2;
    return std::max<int64_t>(part, 1);
  }

  // Drops or trims payments an importer would find implausible: more than 5% over what the
  // buyer owes in that currency, or more than what is left on the invoice it names.
  std::vector<PlannedPayment> keep_plausible(const Buyer& b,
                                             const std::vector<PlannedPayment>& planned) {
    std::vector<PlannedPayment> kept;
    std::array<int64_t, kCurrencyCount> settled{};
    std::vector<int64_t> named_paid(b.invoices.size(), 0);
    for (PlannedPayment p : planned) {
      int64_t invoiced = 0;
      for (const Invoice& inv : b.invoices) {
        if (inv.currency == p.currency && inv.issue <= p.date) invoiced += inv.total_minor;
      }
      const int64_t owed = invoiced - settled[p.currency];
      if (p.invoice >= 0) {
        const int64_t left = b.invoices[p.invoice].total_minor - named_paid[p.invoice];
        if (p.amount_minor > left) p.amount_minor = left;
        if (p.amount_minor + p.charges_minor > left) p.charges_minor = 0;
      } else if (p.amount_minor > owed + owed / 20) {
        p.amount_minor = owed;
        p.charges_minor = 0;
      }
      if (p.amount_minor <= 0) continue;
      if (p.invoice >= 0) named_paid[p.invoice] += p.amount_minor + p.charges_minor;
      settled[p.currency] += p.amount_minor + p.charges_minor;
      kept.push_back(p);
    }
    return kept;
  }

  // ----- contacts -----

  struct PersonName {
    std::string display, given, family;  // given/family in ASCII for e-mail addresses
  };

  PersonName person(const Buyer& b, Rng& rng) {
    if (b.language != Language::kEnglish && rng.chance(80)) {
      const HanName& family = rng.pick(std::span<const HanName>(kHanSurnames));
      const HanName& given = rng.pick(std::span<const HanName>(kHanGiven));
      const bool traditional = b.language == Language::kTraditional;
      return {fmt::format("{}{}", traditional ? family.traditional : family.simplified,
                          traditional ? given.traditional : given.simplified),
              std::string(given.pinyin), std::string(family.pinyin)};
    }
    const Culture& culture = *b.country->people;
    const size_t given_index = rng.below(culture.first.size());
    const std::string_view given = culture.first[given_index];
    std::string family(rng.pick(culture.last));
    if (given_index % 2 == 1) {
      if (culture.feminine == Feminine::kRussian &&
          (family.ends_with("ov") || family.ends_with("ev") || family.ends_with("in"))) {
        family += 'a';
      } else if (culture.feminine == Feminine::kPolish &&
                 (family.ends_with("ski") || family.ends_with("cki"))) {
        family.back() = 'a';
      }
    }
    return {fmt::format("{} {}", given, family), slug(given), slug(family)};
  }

  void make_contacts(Buyer& b, int index, Rng& rng) {
    std::vector<Role> roles = {kBuyer};
    if (rng.chance(80)) roles.push_back(kFinance);
    if (rng.chance(45)) roles.push_back(kManager);
    if (rng.chance(35)) roles.push_back(kOwner);
    // Every role appears in every book of a few dozen buyers.
    if (rng.chance(25) || index % 7 == 2) roles.push_back(kClerk);
    if (rng.chance(12) || index % 9 == 4) roles.push_back(kOther);
    if (roles.size() < 2) roles.push_back(rng.chance(50) ? kManager : kClerk);
    for (Role spare : {kOwner, kManager}) {
      auto it = std::find(roles.begin(), roles.end(), spare);
      if (roles.size() > 5 && it != roles.end()) roles.erase(it);
    }
    std::vector<std::string> used;
    std::vector<std::string> names;
    for (Role role : roles) {
      PersonName name = person(b, rng);
      for (int retry = 0;
           retry < 8 && std::find(names.begin(), names.end(), name.display) != names.end();
           ++retry) {
        name = person(b, rng);
      }
      names.push_back(name.display);
      std::string local;
      static constexpr std::string_view kFinanceBoxes[] = {"accounts", "finance", "ap"};
      static constexpr std::string_view kClerkBoxes[] = {"purchasing", "import", "logistics"};
      static constexpr std::string_view kOtherBoxes[] = {"info", "sales", "admin"};
      if (role == kFinance && rng.chance(30)) {
        local = rng.pick(Names(kFinanceBoxes));
      } else if (role == kClerk && rng.chance(20)) {
        local = rng.pick(Names(kClerkBoxes));
      } else if (role == kOther && rng.chance(40)) {
        local = rng.pick(Names(kOtherBoxes));
      } else {
        // Chinese staff often write family name + given name (chenwei@...).
        switch (rng.below(b.language == Language::kEnglish ? 3 : 4)) {
          case 0:
            local = name.given + "." + name.family;
            break;
          case 1:
            local = name.given.substr(0, 1) + name.family;
            break;
          case 2:
            local = name.given;
            break;
          default:
            local = name.family + name.given;
            break;
        }
      }
      if (local.empty()) local = "contact";
      std::string unique = local;
      for (int n = 2; std::find(used.begin(), used.end(), unique) != used.end(); ++n) {
        unique = local + std::to_string(n);
      }
      used.push_back(unique);
      Contact contact;
      contact.name = std::move(name.display);
      contact.email = unique + "@" + b.domain;
      contact.role = role;
      if (rng.chance(80)) {
        for (char c : b.country->phone) {
          if (c == '#') {
            contact.phone.push_back(static_cast<char>('0' + rng.below(10)));
          } else if (c == '%') {
            contact.phone.push_back(static_cast<char>('2' + rng.below(8)));
          } else {
            contact.phone.push_back(c);
          }
        }
      }
      b.contacts.push_back(std::move(contact));
    }
  }

  // ----- output -----

  std::string reference(Method method, int currency, int date, Rng& rng) {
    static constexpr std::string_view kAlnum = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    static constexpr std::string_view kLetters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    auto random_text = [&](std::string_view alphabet, int n) {
      std::string s;
      for (int i = 0; i < n; ++i) s.push_back(alphabet[rng.below(alphabet.size())]);
      return s;
    };
    auto digits = [&](int n) { return random_text("0123456789", n); };
    if (rng.chance(4)) return "";
    const Ymd ymd = civil_from_days(date);
    switch (method) {
      case kWire:
        if (currency == kCny) {
          return fmt::format("CNAPS {:04}{:02}{:02}{}", ymd.year, ymd.month, ymd.day, digits(5));
        }
        return fmt::format("MT103 FT{:02}{:03}{}", ymd.year % 100,
                           date - days_from_civil(ymd.year, 1, 1) + 1, random_text(kAlnum, 5));
      case kCheque:
        return fmt::format("CHQ {}", digits(6));
      case kLc: {
        const std::string bank = random_text(kLetters, 3);
        return fmt::format("L/C {}{:02}{}", bank, ymd.year % 100, digits(6));
      }
      case kOtherMethod:
        break;
    }
    return rng.chance(50) ? fmt::format("PayPal {}", random_text(kAlnum, 17))
                          : fmt::format("Western Union MTCN {}", digits(10));
  }

  void write_buyer(const Buyer& b, Rng& rng) {
    Buffer& c = customers_.out();
    append(c, b.id);
    c.push_back(',');
    append_field(c, b.name);
    c.push_back(',');
    append(c, b.country->code);
    c.push_back(',');
    append(c, b.language == Language::kEnglish      ? "en"
              : b.language == Language::kSimplified ? "zh"
                                                    : "zh-Hant");
    c.push_back(',');
    append_date(c, b.since);
    c.push_back(',');
    append_field(c, b.salesperson);
    c.push_back(',');
    append(c, b.policy);
    c.push_back(',');
    append(c, b.insured_limit);
    customers_.end_row();

    for (const Contact& contact : b.contacts) {
      Buffer& out = contacts_.out();
      append(out, b.id);
      out.push_back(',');
      append_field(out, contact.name);
      out.push_back(',');
      append_field(out, contact.email);
      out.push_back(',');
      append(out, kRoles[contact.role]);
      out.push_back(',');
      append_field(out, contact.phone);
      contacts_.end_row();
    }

    Buffer head;
    for (const Invoice& inv : b.invoices) {
      const TradeCurrency& cur = kCurrencies[inv.currency];
      head.clear();
      append(head, inv.invoice_no);
      head.push_back(',');
      append_field(head, inv.order_no);
      head.push_back(',');
      append(head, b.id);
      head.push_back(',');
      append(head, cur.code);
      head.push_back(',');
      append_date(head, inv.issue);
      head.push_back(',');
      append_date(head, inv.ship);
      head.push_back(',');
      if (inv.received >= 0) append_date(head, inv.received);
      head.push_back(',');
      if (inv.terms < 0) append_date(head, inv.due);
      head.push_back(',');
      if (inv.terms >= 0) append(head, kTerms[inv.terms].text);
      head.push_back(',');
      for (const Line& line : inv.lines) {
        Buffer& out = invoices_.out();
        out.append(head.data(), head.data() + head.size());
        append_field(out, line.product);
        out.push_back(',');
        append_scaled(out, line.quantity_milli, 3);
        out.push_back(',');
        append(out, line.unit);
        out.push_back(',');
        append_scaled(out, line.price_micro, 6);
        out.push_back(',');
        if (line.show_amount) append_minor(out, line.amount_minor, cur.minor_digits);
        invoices_.end_row();
      }
    }

    for (const PlannedPayment& p : b.payments) {
      const TradeCurrency& cur = kCurrencies[p.currency];
      const Method method = rng.chance(85) ? b.method : kWire;
      Buffer& out = payments_.out();
      out.push_back('P');
      append_padded(out, ++payment_seq_, payment_width_);
      out.push_back(',');
      append(out, b.id);
      out.push_back(',');
      append_date(out, p.date);
      out.push_back(',');
      append(out, cur.code);
      out.push_back(',');
      append_minor(out, p.amount_minor, cur.minor_digits);
      out.push_back(',');
      if (p.invoice >= 0) append(out, b.invoices[p.invoice].invoice_no);
      out.push_back(',');
      append(out, kMethods[method]);
      out.push_back(',');
      append_field(out, reference(method, p.currency, p.date, rng));
      out.push_back(',');
      if (p.charges_minor > 0) append_minor(out, p.charges_minor, cur.minor_digits);
      payments_.end_row();
    }
  }

  const DemoOptions& options_;
  const int as_of_;
  const int window_start_;
  Sink& customers_;
  Sink& contacts_;
  Sink& invoices_;
  Sink& payments_;
  int customer_width_ = 4, invoice_width_ = 5, payment_width_ = 6;
  int64_t invoice_seq_ = 0, payment_seq_ = 0;
};

}  // namespace

DemoFiles make_demo_book(const DemoOptions& options) {
  Sink customers(nullptr), contacts(nullptr), invoices(nullptr), payments(nullptr);
  BookWriter(options, customers, contacts, invoices, payments).write();
  return {customers.text(), contacts.text(), invoices.text(), payments.text()};
}

void write_demo_book(const DemoOptions& options, std::ostream& customers, std::ostream& contacts,
                     std::ostream& invoices, std::ostream& payments) {
  Sink customers_sink(&customers), contacts_sink(&contacts), invoices_sink(&invoices),
      payments_sink(&payments);
  BookWriter(options, customers_sink, contacts_sink, invoices_sink, payments_sink).write();
}

}  // namespace overdue::demo
