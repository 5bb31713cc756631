#include "tpmkit/plan/forecast.h"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <limits>
#include <mutex>
#include <thread>

namespace tpmkit::plan {

namespace {

constexpr int kChunk = 64;  // iterations per accumulation chunk (independent of threads)
constexpr uint64_t kGolden = 0x9e3779b97f4a7c15ULL;
constexpr uint64_t kRiskStreams = uint64_t{1} << 40;

uint64_t Mix(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// SplitMix64 over a state derived from (seed, iteration, stream).
class Stream {
 public:
  // `stream_key` is StreamKey(stream), precomputed: one mix per stream and iteration.
  Stream(uint64_t iteration_key, uint64_t stream_key) : state_(Mix(iteration_key ^ stream_key)) {}
  uint64_t Next() {
    state_ += kGolden;
    return Mix(state_);
  }
  // [0, 1) with 53 random bits.
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  // Marsaglia's polar method; the second deviate is kept for the next call.
  double Normal() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    for (;;) {
      double u = 2 * Uniform() - 1, v = 2 * Uniform() - 1;
      double s = u * u + v * v;
      if (s >= 1 || s == 0) continue;
      double f = std::sqrt(-2 * std::log(s) / s);
      spare_ = v * f;
      has_spare_ = true;
      return u * f;
    }
  }
  // Gamma(shape >= 1) by Marsaglia and Tsang; d = shape - 1/3, c = 1/sqrt(9d).
  double Gamma(double d, double c) {
    for (;;) {
      double x, v;
      do {
        x = Normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      double u = Uniform();
      double x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return d * v;
      if (std::log(u) < 0.5 * x2 + d * (1 - v + std::log(v))) return d * v;
    }
  }

 private:
  uint64_t state_;
  double spare_ = 0;
  bool has_spare_ = false;
};

uint64_t StreamKey(uint64_t stream) { return Mix(stream + kGolden); }

uint64_t IterationKey(uint64_t seed, uint64_t iteration) {
  return Mix(Mix(seed ^ 0x5851f42d4c957f2dULL) + iteration * kGolden);
}

// A task whose duration varies between iterations.
struct Sampler {
  uint32_t k;           // topological index
  uint64_t stream_key;  // StreamKey(file index)
  model::Distribution dist;
  double o, range;  // optimistic, pessimistic - optimistic
  double a, b;      // triangular: (p-o)(m-o), (p-o)(p-m); pert: d, c of alpha
  double c2, d2;    // pert: d, c of beta
  double mode_cdf;  // triangular: (m-o)/(p-o)
  double Sample(Stream& s) const {
    switch (dist) {
      case model::Distribution::kUniform:
        return o + s.Uniform() * range;
      case model::Distribution::kTriangular: {
        double u = s.Uniform();
        if (u < mode_cdf) return o + std::sqrt(u * a);
        return o + range - std::sqrt((1 - u) * b);
      }
      case model::Distribution::kPert: {
        double x = s.Gamma(a, b);
        double y = s.Gamma(d2, c2);
        return o + range * (x / (x + y));
      }
    }
    return o;
  }
};

struct Shared {
  Shared(const Network& n, const ForecastOptions& o) : net(n), options(o) {}
  const Network& net;
  const ForecastOptions& options;
  std::vector<Sampler> samplers;
  std::vector<uint32_t> risk_reset;    // tasks touched by risks: reset to base each iteration
  std::vector<uint32_t> active_risks;  // indices into net.risks
  std::vector<uint8_t> forced;         // by risk index
  std::vector<uint32_t> varying;       // tasks whose duration may vary (not finished)
  std::vector<double> base;            // deterministic duration by topological index
  double f0 = 0;                       // centre for F sums (deterministic finish)
  int iterations = 0;
  int chunks = 0;

  std::vector<double> finish;                 // F by iteration
  std::vector<double> sum_x, sum_xx, sum_xf;  // by position in `varying`, merged in chunk order
  std::vector<int64_t> critical_count;        // by topological index
  std::atomic<int> next_chunk{0};
  std::mutex mu;
  std::condition_variable cv;
  int next_merge = 0;
  bool aborted = false;
};

struct Worker {
  std::vector<double> dur, early, late;
  std::vector<double> sx, sxx, sxf;
  std::vector<int64_t> crit;
};

bool Cancelled(const Shared& sh) {
  return sh.options.cancel && sh.options.cancel->load(std::memory_order_relaxed);
}

// One iteration: sample, forward and backward pass, accumulate. Returns F.
double RunIteration(Shared& sh, Worker& w, int it) {
  const Network& net = sh.net;
  const size_t n = net.n;
  double* dur = w.dur.data();
  const uint64_t key = IterationKey(sh.options.seed, static_cast<uint64_t>(it));
  for (uint32_t k : sh.risk_reset) dur[k] = sh.base[k];
  for (const Sampler& s : sh.samplers) {
    Stream st(key, s.stream_key);
    dur[s.k] = s.Sample(st);
  }
  for (uint32_t r : sh.active_risks) {
    Stream st(key, StreamKey(kRiskStreams + r));
    const RiskEffect& e = net.risks[r];
    bool happens = st.Uniform() < e.probability;
    if (happens || sh.forced[r]) {
      for (uint32_t k : e.tasks) dur[k] += e.days;
    }
  }

  double* __restrict early = w.early.data();
  {
    const uint32_t* begin = net.preds.begin.data();
    const uint32_t* mid = net.preds.mid.data();
    const uint32_t* ref = net.preds.ref.data();
    const double* lag = net.preds.lag_real.data();
    const int32_t* lb = net.lower_bound.data();
    const Progress* progress = net.progress.data();
    const double status = net.status_pos;
    for (size_t k = 0; k < n; ++k) {
      double es, ef;
      if (progress[k] == Progress::kNotStarted) [[likely]] {
        es = lb[k];
        const uint32_t b = begin[k], m = mid[k], e = begin[k + 1];
        for (uint32_t j = b; j < m; ++j) es = std::max(es, early[ref[j]] + lag[j]);
        const double d = dur[k];
        for (uint32_t j = m; j < e; ++j) es = std::max(es, early[ref[j]] + lag[j] - d);
        ef = es + d;
      } else if (progress[k] == Progress::kInProgress) {
        es = net.actual_start[k];
        ef = std::max(status, es) + dur[k] * net.remaining_fraction[k];
      } else {
        es = net.actual_start[k];
        ef = net.actual_finish[k];
      }
      early[2 * k] = es;
      early[2 * k + 1] = ef;
    }
  }
  double f = n == 0 ? 0 : -std::numeric_limits<double>::infinity();
  for (size_t k = 0; k < n; ++k) f = std::max(f, early[2 * k + 1]);

  double* __restrict late = w.late.data();
  {
    const uint32_t* begin = net.succs.begin.data();
    const uint32_t* mid = net.succs.mid.data();
    const uint32_t* ref = net.succs.ref.data();
    const double* lag = net.succs.lag_real.data();
    const Progress* progress = net.progress.data();
    int64_t* crit = w.crit.data();
    for (size_t k = n; k-- > 0;) {
      const double dv = early[2 * k + 1] - early[2 * k];
      const uint32_t b = begin[k], m = mid[k], e = begin[k + 1];
      double lf = f;
      for (uint32_t j = b; j < m; ++j) lf = std::min(lf, late[ref[j]] - lag[j] + dv);
      for (uint32_t j = m; j < e; ++j) lf = std::min(lf, late[ref[j]] - lag[j]);
      late[2 * k] = lf - dv;
      late[2 * k + 1] = lf;
      crit[k] += (lf - early[2 * k + 1] <= 1e-9 && progress[k] != Progress::kFinished) ? 1 : 0;
    }
  }

  const double fc = f - sh.f0;
  for (size_t v = 0; v < sh.varying.size(); ++v) {
    const uint32_t k = sh.varying[v];
    const double x = dur[k] - sh.base[k];
    w.sx[v] += x;
    w.sxx[v] += x * x;
    w.sxf[v] += x * fc;
  }
  return f;
}

void WorkLoop(Shared& sh) {
  Worker w;
  const size_t n = sh.net.n;
  w.dur = sh.base;
  w.early.assign(2 * n, 0);
  w.late.assign(2 * n, 0);
  w.crit.assign(n, 0);
  const size_t nv = sh.varying.size();
  w.sx.resize(nv);
  w.sxx.resize(nv);
  w.sxf.resize(nv);
  for (;;) {
    const int c = sh.next_chunk.fetch_add(1);
    if (c >= sh.chunks) break;
    std::fill(w.sx.begin(), w.sx.end(), 0.0);
    std::fill(w.sxx.begin(), w.sxx.end(), 0.0);
    std::fill(w.sxf.begin(), w.sxf.end(), 0.0);
    const int first = c * kChunk, last = std::min(sh.iterations, first + kChunk);
    bool stop = false;
    for (int it = first; it < last && !stop; ++it) {
      if (Cancelled(sh))
        stop = true;
      else
        sh.finish[it] = RunIteration(sh, w, it);
    }
    std::unique_lock<std::mutex> lock(sh.mu);
    if (stop) {
      sh.aborted = true;
      sh.cv.notify_all();
      break;
    }
    sh.cv.wait(lock, [&] { return sh.next_merge == c || sh.aborted; });
    if (sh.aborted) break;
    for (size_t v = 0; v < nv; ++v) {
      sh.sum_x[v] += w.sx[v];
      sh.sum_xx[v] += w.sxx[v];
      sh.sum_xf[v] += w.sxf[v];
    }
    ++sh.next_merge;
    if (sh.options.progress) sh.options.progress(static_cast<double>(sh.next_merge) / sh.chunks);
    sh.cv.notify_all();
  }
  std::lock_guard<std::mutex> lock(sh.mu);
  for (size_t k = 0; k < n; ++k) sh.critical_count[k] += w.crit[k];
}

FinishValue MakeFinish(const WorkCalendar& cal, double f) {
  const int64_t fpos = static_cast<int64_t>(std::ceil(f - 1e-9));
  return {f, cal.FinishDate(fpos, fpos)};
}

}  // namespace

Result<Forecast> RunForecast(const Network& net, const ForecastOptions& options) {
  if (options.iterations < 1) return Error::Invalid("iterations must be at least 1");
  Shared sh(net, options);
  const size_t n = net.n;
  sh.forced.assign(net.risks.size(), 0);
  for (const auto& id : options.forced_risks) {
    auto it = std::find_if(net.risks.begin(), net.risks.end(),
                           [&](const RiskEffect& r) { return r.id == id; });
    if (it == net.risks.end()) return Error::NotFound("no risk '" + id + "'");
    sh.forced[it - net.risks.begin()] = 1;
  }
  sh.base = net.duration_real;
  std::vector<uint8_t> varies(n, 0);
  for (uint32_t k = 0; k < n; ++k) {
    if (net.progress[k] == Progress::kFinished || !net.estimate[k]) continue;
    const TaskEstimate& e = *net.estimate[k];
    const double o = e.optimistic, m = e.likely, p = e.pessimistic;
    if (!(p > o)) {
      sh.base[k] = o;  // a degenerate estimate is a fixed duration
      continue;
    }
    Sampler s{};
    s.k = k;
    s.stream_key = StreamKey(net.order[k]);
    s.dist = e.distribution;
    s.o = o;
    s.range = p - o;
    s.mode_cdf = (m - o) / (p - o);
    if (e.distribution == model::Distribution::kTriangular) {
      s.a = (p - o) * (m - o);
      s.b = (p - o) * (p - m);
    } else if (e.distribution == model::Distribution::kPert) {
      const double alpha = 1 + 4 * (m - o) / (p - o);
      const double beta = 1 + 4 * (p - m) / (p - o);
      s.a = alpha - 1.0 / 3;
      s.b = 1 / std::sqrt(9 * s.a);
      s.d2 = beta - 1.0 / 3;
      s.c2 = 1 / std::sqrt(9 * s.d2);
    }
    sh.samplers.push_back(s);
    varies[k] = 1;
  }
  for (size_t r = 0; r < net.risks.size(); ++r) {
    const RiskEffect& e = net.risks[r];
    if (e.tasks.empty() || e.days == 0 || !(e.active || sh.forced[r])) continue;
    sh.active_risks.push_back(static_cast<uint32_t>(r));
    for (uint32_t k : e.tasks) {
      if (net.progress[k] == Progress::kFinished) continue;
      if (!varies[k]) sh.risk_reset.push_back(k);
      varies[k] = 1;
    }
  }
  std::sort(sh.risk_reset.begin(), sh.risk_reset.end());
  sh.risk_reset.erase(std::unique(sh.risk_reset.begin(), sh.risk_reset.end()), sh.risk_reset.end());
  for (uint32_t k = 0; k < n; ++k) {
    if (varies[k]) sh.varying.push_back(k);
  }
  {
    // Centre the F sums on the finish with base durations, for a stable Pearson.
    double f0 = 0;
    for (uint32_t k = 0; k < n; ++k)
      f0 = std::max(f0, static_cast<double>(net.lower_bound[k]) + sh.base[k]);
    sh.f0 = f0;
  }
  sh.iterations = options.iterations;
  sh.chunks = (options.iterations + kChunk - 1) / kChunk;
  sh.finish.assign(options.iterations, 0);
  sh.sum_x.assign(sh.varying.size(), 0);
  sh.sum_xx.assign(sh.varying.size(), 0);
  sh.sum_xf.assign(sh.varying.size(), 0);
  sh.critical_count.assign(n, 0);

  int threads = options.threads > 0
                    ? options.threads
                    : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  threads = std::min(threads, sh.chunks);
  {
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t) pool.emplace_back([&sh] { WorkLoop(sh); });
    WorkLoop(sh);
    for (auto& t : pool) t.join();
  }
  Forecast out;
  if (sh.aborted) {
    out.cancelled = true;
    return out;
  }

  const int N = options.iterations;
  out.iterations = N;
  out.seed = options.seed;
  out.target = net.target;
  const WorkCalendar& cal = net.calendar;
  double sum_f = 0, sum_fc = 0, sum_fcc = 0;
  int64_t on_time = 0;
  for (int i = 0; i < N; ++i) {
    const double f = sh.finish[i];
    sum_f += f;
    const double fc = f - sh.f0;
    sum_fc += fc;
    sum_fcc += fc * fc;
    if (net.target_end) {
      const int64_t fpos = static_cast<int64_t>(std::ceil(f - 1e-9));
      const int64_t day_index = fpos == 0 ? 0 : fpos - 1;
      on_time += day_index <= *net.target_end - 1 ? 1 : 0;
    }
  }
  if (net.target_end) out.p_on_time = static_cast<double>(on_time) / N;
  std::vector<double> sorted = sh.finish;
  std::sort(sorted.begin(), sorted.end());
  auto quantile = [&](int64_t q) {
    int64_t rank = std::max<int64_t>(1, (q * N + 99) / 100);  // ceil(q/100 * N)
    return MakeFinish(cal, sorted[rank - 1]);
  };
  out.p10 = quantile(10);
  out.p50 = quantile(50);
  out.p80 = quantile(80);
  out.p90 = quantile(90);
  out.mean = MakeFinish(cal, sum_f / N);

  out.tasks.resize(n);
  const double mean_fc = sum_fc / N;
  const double var_f = sum_fcc / N - mean_fc * mean_fc;
  for (uint32_t k = 0; k < n; ++k) {
    out.tasks[net.order[k]].criticality = static_cast<double>(sh.critical_count[k]) / N;
  }
  for (size_t v = 0; v < sh.varying.size(); ++v) {
    const double mx = sh.sum_x[v] / N;
    const double var_x = sh.sum_xx[v] / N - mx * mx;
    const double cov = sh.sum_xf[v] / N - mx * mean_fc;
    double r = 0;
    if (var_x > 1e-12 && var_f > 1e-12) r = std::clamp(cov / std::sqrt(var_x * var_f), -1.0, 1.0);
    out.tasks[net.order[sh.varying[v]]].sensitivity = r;
  }
  return out;
}

Result<Forecast> RunForecast(const model::Program& program, const ForecastOptions& options,
                             std::optional<Date> as_of) {
  CompileOptions co;
  co.as_of = as_of;
  TPMKIT_ASSIGN_OR_RETURN(Network net, Compile(program, co));
  return RunForecast(net, options);
}

}  // namespace tpmkit::plan
