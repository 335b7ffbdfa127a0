#include "../src/internal.h"
