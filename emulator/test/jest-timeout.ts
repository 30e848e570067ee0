// Each test file starts emulator processes: 30 s per test, as Linli's root config sets for its own projects.
jest.setTimeout(30_000);
