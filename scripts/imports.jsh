import ai.spice.secrets.*;
import ai.spice.secrets.errors.*;
import ai.spice.secrets.testkit.*;
