#include "core/process.hpp"

#include "core/error.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

extern char** environ;

namespace tally::core {

namespace {

struct Pipe {
  int fd[2] = {-1, -1};
  Pipe() {
    if (::pipe2(fd, O_CLOEXEC) != 0)
      throw Error("cannot create a pipe: {}", std::strerror(errno)).exit(Exit::failed);
  }
  ~Pipe() {
    for (int f : fd)
      if (f >= 0) ::close(f);
  }
  void close_end(int i) {
    if (fd[i] >= 0) ::close(fd[i]);
    fd[i] = -1;
  }
};

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv, const std::filesystem::path& dir,
                          const std::map<std::string, std::string>& env_add,
                          const std::string& input) {
  // git always runs in the C locale: tally decides by git's exit codes and
  // porcelain formats, and the git text it shows reads the same for everyone.
  // LANGUAGE would still pick git's translation; the rest (identity, editor,
  // configuration) is the user's own.
  std::map<std::string, std::string> add = env_add;
  bool is_git = !argv.empty() && argv[0] == "git";
  if (is_git) add.emplace("LC_ALL", "C");
  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e) {
    std::string s = *e;
    auto eq = s.find('=');
    std::string key = s.substr(0, eq);
    if (eq != std::string::npos && (add.count(key) || (is_git && key == "LANGUAGE"))) continue;
    env_strings.push_back(std::move(s));
  }
  for (const auto& [k, v] : add) env_strings.push_back(k + "=" + v);
  std::vector<char*> envp, args;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::vector<std::string> argv_copy = argv;
  for (auto& a : argv_copy) args.push_back(a.data());
  args.push_back(nullptr);

  Pipe in, out, err;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in.fd[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out.fd[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err.fd[1], 2);
  // posix_spawn_file_actions_addchdir_np is glibc >= 2.29; Debian 12 has 2.36.
  posix_spawn_file_actions_addchdir_np(&actions, dir.c_str());
  pid_t pid = 0;
  int rc = ::posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    auto e = Error("cannot run {}: {}", argv[0], std::strerror(rc));
    if (is_git)
      std::move(e).hint(
          "tally commits and syncs with git: install it or put it on PATH (or write with "
          "--no-commit)");
    throw std::move(e).exit(Exit::failed);
  }
  in.close_end(0);
  out.close_end(1);
  err.close_end(1);

  // Writing to a child that exited early raises SIGPIPE, which would kill tally: it is
  // blocked in this thread while it writes, and one raised is taken back below. (Not
  // sigaction: the disposition is the process's, and other threads may run children.)
  sigset_t pipe_signal, old_mask;
  sigemptyset(&pipe_signal);
  sigaddset(&pipe_signal, SIGPIPE);
  ::pthread_sigmask(SIG_BLOCK, &pipe_signal, &old_mask);

  ProcessResult result;
  size_t written = 0;
  if (input.empty())
    in.close_end(1);
  else  // a child that answers before it has read all its input must not block our write
    ::fcntl(in.fd[1], F_SETFL, ::fcntl(in.fd[1], F_GETFL) | O_NONBLOCK);
  while (out.fd[0] >= 0 || err.fd[0] >= 0) {
    pollfd fds[3];
    int n = 0;
    if (out.fd[0] >= 0) fds[n++] = {out.fd[0], POLLIN, 0};
    if (err.fd[0] >= 0) fds[n++] = {err.fd[0], POLLIN, 0};
    if (in.fd[1] >= 0) fds[n++] = {in.fd[1], POLLOUT, 0};
    if (::poll(fds, static_cast<nfds_t>(n), -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < n; ++i) {
      if (!fds[i].revents) continue;
      if (fds[i].fd == in.fd[1]) {
        ssize_t w = ::write(in.fd[1], input.data() + written, input.size() - written);
        if (w > 0) written += static_cast<size_t>(w);
        bool again = w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR);
        if ((w < 0 && !again) || written == input.size()) in.close_end(1);
        continue;
      }
      char buf[65536];
      ssize_t r = ::read(fds[i].fd, buf, sizeof buf);
      bool is_out = fds[i].fd == out.fd[0];
      if (r <= 0) {
        (is_out ? out : err).close_end(0);
        continue;
      }
      (is_out ? result.out : result.err).append(buf, static_cast<size_t>(r));
    }
  }
  in.close_end(1);
  sigset_t pending;
  if (!sigismember(&old_mask, SIGPIPE) && ::sigpending(&pending) == 0 &&
      sigismember(&pending, SIGPIPE)) {
    timespec zero{};
    ::sigtimedwait(&pipe_signal, nullptr, &zero);
  }
  ::pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

}  // namespace tally::core
