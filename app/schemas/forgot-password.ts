import { z } from "zod";
import { emailAddress } from "./fields";

export const forgotPasswordSchema = z.object({ email: emailAddress });
