#pragma once
inline int util_value() { return 0; }
