/* The main() of a simulation program built by ctxlint-sim. */
#include <sim/sim.h>
int main(int argc, char **argv) { return sim_main(argc, argv); }
