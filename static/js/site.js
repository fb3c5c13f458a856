// Progressive enhancements; every page works without them.
"use strict";
