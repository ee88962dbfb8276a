#include "cli/app.hpp"

int main(int argc, char** argv) {
  return tally::cli::run(argc, argv);
}
