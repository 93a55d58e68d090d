import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Exits 0 once the broker at args[0] answers metadata requests (cluster nodes and topic list),
 * or 1 after args[1] milliseconds. An open port alone is not enough: the KRaft broker accepts
 * connections before it has caught up with the metadata log and can serve requests.
 */
public final class ReadyCheck {
  public static void main(String[] args) throws InterruptedException {
    String bootstrap = args[0];
    long deadline = System.currentTimeMillis() + Long.parseLong(args[1]);
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
    String lastError = "no answer";
    try (Admin admin = Admin.create(props)) {
      while (System.currentTimeMillis() < deadline) {
        try {
          int nodes = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size();
          Set<String> topics = admin.listTopics().names().get(5, TimeUnit.SECONDS);
          if (nodes > 0) {
            System.out.println("broker " + bootstrap + " ready: " + nodes + " node(s), " + topics.size() + " topic(s)");
            return;
          }
          lastError = "cluster reports no nodes yet";
        } catch (Exception e) {
          lastError = e.getCause() != null ? e.getCause().toString() : e.toString();
        }
        Thread.sleep(250);
      }
    }
    System.err.println("broker " + bootstrap + " did not answer metadata requests: " + lastError);
    System.exit(1);
  }
}
