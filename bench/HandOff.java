import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * What one thread hand-off costs on this machine: two threads pass a token back and forth, each parking until it is
 * woken by the other (LockSupport, as a request thread waits for the ingestion writer's commit and is woken by it).
 * Every ingested report pays at least two (to the writer, and back with the commit); GET /health pays none.
 *
 * <pre>java bench/HandOff.java [HAND_OFFS_PER_ROUND] [ROUNDS]</pre>
 *
 * Prints each round, then: RESULT wall_us=.. cpu_us=.. (medians per hand-off; CPU of the whole process).
 */
public final class HandOff {
    private static volatile int turn;

    public static void main(String[] args) throws InterruptedException {
        int perThread = (args.length > 0 ? Integer.parseInt(args[0]) : 200_000) / 2;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] wall = new double[rounds];
        double[] cpu = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            turn = 0;
            Thread[] players = new Thread[2];
            for (int i = 0; i < 2; i++) {
                int me = i;
                players[i] = new Thread(() -> {
                    for (int k = 0; k < perThread; k++) {
                        while (turn != me) {
                            LockSupport.park();
                        }
                        turn = 1 - me;
                        LockSupport.unpark(players[1 - me]);
                    }
                });
            }
            long cpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            players[0].start();
            players[1].start();
            players[0].join();
            players[1].join();
            double handOffs = 2.0 * perThread;
            wall[round] = (System.nanoTime() - wall0) / 1e3 / handOffs;
            cpu[round] = (os.getProcessCpuTime() - cpu0) / 1e3 / handOffs;
            System.out.printf("round %d: %.1f us wall, %.1f us CPU per hand-off%n", round + 1, wall[round], cpu[round]);
        }
        System.out.printf("RESULT wall_us=%.1f cpu_us=%.1f%n", median(wall), median(cpu));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
