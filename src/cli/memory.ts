/**
 * Memory between the build's steps.
 *
 * A JavaScript engine frees garbage when it judges it worth it, not when a program is done
 * with something: V8 lets the heap grow to a multiple of what it last found alive before it
 * collects again. After the import of a million-row export, the file's bytes and text and the
 * deals as objects (about 600 MB, all garbage once the deals are held by column) would sit
 * there while the workbook is planned and written, and the build's peak memory would be about
 * twice what it needs. The command line therefore asks for a full collection between its
 * steps, where it knows a large part of the heap has just become garbage.
 */
import * as v8 from "v8";
import * as vm from "vm";

let collector: (() => void) | null | undefined;

/**
 * The engine's full garbage collection, made available at run time (V8's `--expose-gc`, in
 * a new context, as the engine's own test tools do), or null where the engine refuses.
 */
function fullCollector(): (() => void) | null {
  if (collector !== undefined) return collector;
  try {
    v8.setFlagsFromString("--expose-gc");
    const gc: unknown = vm.runInNewContext("gc");
    collector = typeof gc === "function" ? (gc as () => void) : null;
  } catch {
    collector = null;
  }
  return collector;
}

/** How many bytes a long step gets through between two collections (see {@link collectEvery}). */
const COLLECT_EVERY_BYTES = 32 * 1024 * 1024;

/**
 * For a long synchronous step that makes garbage faster than V8 collects it on its own (the
 * import of a large file, the rows of a large sheet): a function to call with the bytes done
 * so far, which makes a full collection each time another `every` bytes are done. Does
 * nothing where the engine does not allow it.
 *
 * @example
 * const progress = collectEvery(); // then progress(bytesRead) as the file is read
 */
export function collectEvery(every = COLLECT_EVERY_BYTES): (bytesDone: number) => void {
  let next = every;
  return (bytesDone) => {
    if (bytesDone < next) return;
    next = bytesDone + every;
    fullCollector()?.();
  };
}

/**
 * Frees what the build has let go of, now (a full collection, a fraction of a second on a
 * large heap); does nothing where the engine does not allow it. It first lets the event loop
 * turn once: a file just read through a promise is still referred to until then, and would
 * stay in memory until the next collection the engine chooses.
 */
export async function freeMemory(): Promise<void> {
  const gc = fullCollector();
  if (!gc) return;
  await new Promise((resolve) => setTimeout(resolve, 0));
  gc();
}
